/**
 * An error the user can act on whose text is a message: `message` is the English sentence (the command line's
 * and logs'), `structured` the same as a message the interface writes in the reader's language. A plain
 * string is accepted where no translation exists (text that comes from elsewhere, such as the engine's own).
 */
import { englishText } from './english';
import type { Message } from './message';

export class MessageError extends Error {
  override name = 'MessageError';
  readonly structured?: Message;
  constructor(message: string | Message) {
    super(typeof message === 'string' ? message : englishText(message));
    if (typeof message !== 'string') this.structured = message;
  }
}

/** Why something could not be computed: the English text and, when there is one, the message. */
export interface Failure {
  /** In English (command line, JSON). */
  error: string;
  /** The same as a message, to be written in the reader's language (absent for text with no translation). */
  errorMessage?: Message;
}

/** The failure an error describes: its text and the message it carries (plain data: it crosses a worker). */
export function failureOf(error: unknown): Failure {
  const text = error instanceof Error ? error.message : String(error);
  return error instanceof MessageError && error.structured
    ? { error: text, errorMessage: error.structured }
    : { error: text };
}

/** An error again from a failure (after a worker boundary, or to pass a failure on). */
export function failureError(failure: Failure): MessageError {
  return new MessageError(failure.errorMessage ?? failure.error);
}
