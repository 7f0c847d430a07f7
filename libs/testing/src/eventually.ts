// The one way a test waits for something asynchronous (an event consumed, a webhook received, a relay's
// publish): poll until `check` returns a value, then return it. The bound is a hang guard that names what
// was awaited, not a timing assertion.

/** Polls `check` until it returns something other than undefined or false, and returns that; fails after `boundMs`. */
export async function eventually<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  what: string,
  boundMs = 45_000,
): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The header a request carries a bearer token in: `.set(bearer(token))`. */
export const bearer = (token: string): { Authorization: string } => ({ Authorization: `Bearer ${token}` });
