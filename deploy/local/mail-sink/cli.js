#!/usr/bin/env node
'use strict';
// Starts the local mail sink: SMTP on MAIL_SINK_SMTP_PORT (1025), HTTP API on MAIL_SINK_HTTP_PORT (8025),
// both on MAIL_SINK_HOST (127.0.0.1). MAIL_SINK_FILE appends every message as a JSON line.
const { startMailSink } = require('./mail-sink');

function port(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    console.error(`${name}: expected a port number 0–65535, got '${raw}'`);
    process.exit(1);
  }
  return value;
}

startMailSink({
  host: process.env.MAIL_SINK_HOST || '127.0.0.1',
  smtpPort: port('MAIL_SINK_SMTP_PORT', 1025),
  httpPort: port('MAIL_SINK_HTTP_PORT', 8025),
  maxMessages: port('MAIL_SINK_MAX_MESSAGES', 1000) || 1000,
  file: process.env.MAIL_SINK_FILE || undefined,
  log: (line) => console.log(`[mail-sink] ${line}`),
}).then(
  (sink) => {
    console.log(`[mail-sink] SMTP ${sink.host}:${sink.smtpPort}, API ${sink.apiUrl}/api/v1/messages`);
    const stop = () => sink.close().then(() => process.exit(0));
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  },
  (err) => {
    console.error(`[mail-sink] failed to start: ${err.message}`);
    process.exit(1);
  },
);
