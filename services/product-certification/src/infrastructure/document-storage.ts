// Evidence documents and report photos in the database (one document per file, at most 5 MB, well under
// the 16 MB document limit). Behind the DocumentStorage port: object storage can replace it.
import type { DocumentStorage, StoredDocument } from '../application/ports';
import type { Collections } from './models';

export class DatabaseDocumentStorage implements DocumentStorage {
  constructor(private readonly c: Collections) {}

  async put(input: { id: string; owner: string; fileName: string; contentType: string; bytes: Buffer }): Promise<StoredDocument> {
    await this.c.storedFiles.insertOne({ _id: input.id, owner: input.owner, fileName: input.fileName, contentType: input.contentType, size: input.bytes.length, bytes: input.bytes, createTime: new Date() });
    return { id: input.id, contentType: input.contentType, size: input.bytes.length };
  }

  async get(id: string) {
    const doc = await this.c.storedFiles.findOne({ _id: id });
    if (!doc) return undefined;
    const bytes = Buffer.isBuffer(doc.bytes) ? doc.bytes : Buffer.from((doc.bytes as unknown as { buffer: ArrayBuffer }).buffer);
    return { owner: doc.owner, fileName: doc.fileName, contentType: doc.contentType, bytes };
  }
}

type FileTypeModule = typeof import('file-type', { with: { 'resolution-mode': 'import' } });
// file-type is ESM-only; a dynamic import keeps this CommonJS module loadable.
let fileType: Promise<FileTypeModule> | undefined;

/** The MIME type the content's magic numbers say, or undefined when unrecognised. */
export async function sniffContentType(bytes: Buffer): Promise<string | undefined> {
  const { fileTypeFromBuffer } = await (fileType ??= import('file-type'));
  return (await fileTypeFromBuffer(bytes))?.mime;
}
