// A TCP port for a process a test starts itself (a service child, a receiver) where the configuration refuses 0.
import { createServer, type AddressInfo } from 'node:net';

/** A loopback port nothing listens on at the time of asking (the OS's choice, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
