import { csvChunks } from './csv-chunks';

describe('csvChunks', () => {
  it('keeps the header in every chunk and the file line of each chunk', () => {
    const csv = 'taxCode,legalName\n1,A\n2,B\n3,C\n';
    const chunks = csvChunks(csv, 2);
    expect(chunks).toEqual([
      { text: 'taxCode,legalName\n1,A\n2,B\n', firstLine: 2, records: 2 },
      { text: 'taxCode,legalName\n3,C\n', firstLine: 4, records: 1 },
    ]);
  });

  it('never splits a quoted field that holds a line break', () => {
    const csv = 'a,b\n1,"x\ny"\n2,z';
    const chunks = csvChunks(csv, 1);
    expect(chunks.map((c) => c.text)).toEqual(['a,b\n1,"x\ny"\n', 'a,b\n2,z']);
    expect(chunks.map((c) => c.firstLine)).toEqual([2, 4]);
  });

  it('gives nothing for a file with a header only', () => {
    expect(csvChunks('a,b\n', 10)).toEqual([]);
  });
});
