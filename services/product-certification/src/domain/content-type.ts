// What a file's first bytes say it is, for the three types evidence may be (magic numbers from the
// formats' specifications: PDF "%PDF-" (ISO 32000-1 §7.5.2), PNG's 8-byte signature (RFC 2083 §3.1),
// JPEG's SOI marker FF D8 followed by a marker FF). Anything else is unrecognised. Written here rather
// than with the `file-type` package: its releases are ESM-only (22.x needs Node 22), which the
// CommonJS services and their jest sandbox cannot load.
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffContentType(bytes: Uint8Array): string | undefined {
  const starts = (sig: readonly number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
  // A PDF header may follow up to 1024 bytes of junk in lenient readers; the standard puts it first.
  if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (starts(PNG)) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return undefined;
}
