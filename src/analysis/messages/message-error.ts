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
