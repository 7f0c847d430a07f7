// Records every outgoing TCP connection attempt made by this process, from before telemetry starts.
import { Socket } from 'node:net';

export const connections: string[] = [];

const connect = Socket.prototype.connect;
Socket.prototype.connect = function recordConnect(this: Socket, ...args: unknown[]) {
  // net.connect() passes its already-normalised [options, callback] array as the first argument.
  const [first, second] = Array.isArray(args[0]) ? (args[0] as unknown[]) : args;
  const target = typeof first === 'object' && first !== null ? (first as { host?: string; port?: number; path?: string }) : { port: first as number, host: second as string };
  connections.push(target.path ?? `${target.host ?? 'localhost'}:${target.port}`);
  return (connect as (...a: unknown[]) => Socket).apply(this, args);
} as typeof Socket.prototype.connect;
