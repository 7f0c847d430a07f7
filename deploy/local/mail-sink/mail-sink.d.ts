// Types for mail-sink.js (plain JavaScript so the dev tool runs without a build).
export interface MailSinkOptions {
  /** Listen address for both servers; default 127.0.0.1. */
  host?: string;
  /** SMTP port; default 1025, 0 for an ephemeral port. */
  smtpPort?: number;
  /** HTTP API port; default 8025, 0 for an ephemeral port. */
  httpPort?: number;
  /** How many messages are kept in memory, newest first; default 1000. */
  maxMessages?: number;
  maxMessageBytes?: number;
  /** When set, each message is appended to this file as one JSON line. */
  file?: string;
  log?: (line: string) => void;
}
export interface MailAddress { Name: string; Address: string }
export interface MessageSummary {
  ID: string; MessageID: string; From: MailAddress; To: MailAddress[]; Cc: MailAddress[];
  Subject: string; Created: string; Size: number; Snippet: string;
}
export interface StoredMessage extends Omit<MessageSummary, 'Snippet'> {
  Text: string;
  HTML: string;
  Headers: Record<string, string[]>;
  Envelope: { From: string; To: string[] };
}
export interface MailSink {
  host: string;
  smtpPort: number;
  httpPort: number;
  /** e.g. http://127.0.0.1:8025 */
  apiUrl: string;
  messages(): StoredMessage[];
  close(): Promise<void>;
}
export function startMailSink(options?: MailSinkOptions): Promise<MailSink>;
