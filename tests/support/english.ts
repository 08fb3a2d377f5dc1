/** A result that is either a value or a message saying why not, with the message written in English. */
import { englishText } from '../../src/analysis/messages/english';
import type { Message } from '../../src/analysis/messages/message';

function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof (value as Message).key === 'string'
  );
}

/** `value` as it is, or its message in English. */
export function inEnglish<T>(value: T | Message): T | string {
  return isMessage(value) ? englishText(value) : value;
}
