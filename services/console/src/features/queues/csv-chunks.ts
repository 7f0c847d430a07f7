// Splits a CSV into its header and chunks of whole records (a quoted field may hold a line break), so a large
// import is sent in parts and its progress shown; each chunk keeps the header and its first line number.

export interface CsvChunk {
  text: string;
  /** The file line of the chunk's first record (the header is line 1). */
  firstLine: number;
  records: number;
}

export function csvChunks(csv: string, recordsPerChunk: number): CsvChunk[] {
  const records: { text: string; line: number }[] = [];
  let start = 0;
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n') {
      line++;
      if (!quoted) {
        records.push({ text: csv.slice(start, i + 1), line: recordLine });
        start = i + 1;
        recordLine = line;
      }
    }
  }
  if (start < csv.length && csv.slice(start).trim() !== '') records.push({ text: csv.slice(start), line: recordLine });
  const [header, ...rows] = records;
  if (!header) return [];
  const headerText = header.text.endsWith('\n') ? header.text : `${header.text}\n`;
  const chunks: CsvChunk[] = [];
  for (let i = 0; i < rows.length; i += recordsPerChunk) {
    const part = rows.slice(i, i + recordsPerChunk);
    chunks.push({ text: headerText + part.map((r) => r.text).join(''), firstLine: part[0]!.line, records: part.length });
  }
  return chunks;
}
