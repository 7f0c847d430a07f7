// A Dockerfile read as its instructions (keyword + arguments), continuation lines joined, comments dropped:
// what the static checks of deploy/test need, no more (no variable expansion, no heredocs).
export function parseDockerfile(text) {
  const instructions = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('#') || (line === '' && !pending)) continue;
    const continued = line.endsWith('\\');
    pending += `${pending ? ' ' : ''}${continued ? line.slice(0, -1).trim() : line}`;
    if (continued) continue;
    const match = /^([A-Za-z]+)\s+([\s\S]*)$/.exec(pending);
    if (match) instructions.push({ keyword: match[1].toUpperCase(), args: match[2].trim() });
    pending = '';
  }
  return { instructions };
}
