// `published_reports`: one document per published report (a year, or a year and a province), its figures as
// published and its pending event (outbox), written in one single-document upsert: publishing again is a new
// version and a new event.
import type { OutboxFields } from '@hangviet/events';
import { outboxEntry, outboxUpdate } from '@hangviet/events';
import { ReportPublished } from '@hangviet/events/catalog';
import type { Collection, Db } from 'mongodb';
import type { PublishedReports } from '../application/ports';
import { EVENT_SOURCE, toTimestamp } from './submission-events';

export interface PublishedReportDocument extends OutboxFields {
  _id: string;
  year: number;
  provinceCode: string;
  figures: { code: string; value: number; unit: string; previousYearValue: number }[];
  publishedBy: string;
  publishTime: Date;
  version: number;
}

export const publishedReportCollection = (db: Db): Collection<PublishedReportDocument> => db.collection<PublishedReportDocument>('published_reports');

export class MongoPublishedReports implements PublishedReports {
  constructor(
    private readonly collection: Collection<PublishedReportDocument>,
    private readonly afterWrite: (id: string) => Promise<void> = async () => undefined,
  ) {}

  async publish(report: Parameters<PublishedReports['publish']>[0]): Promise<{ version: number }> {
    const current = await this.collection.findOne({ _id: report.id }, { projection: { version: 1 } });
    const version = (current?.version ?? 0) + 1;
    const entry = outboxEntry(
      ReportPublished,
      report.id,
      { id: report.id, year: report.year, provinceCode: report.provinceCode, figures: report.figures, actorSubject: report.actorSubject, occurredTime: toTimestamp(report.now), version: String(version) },
      { source: EVENT_SOURCE, time: report.now },
    );
    const set = { year: report.year, provinceCode: report.provinceCode, figures: report.figures, publishedBy: report.actorSubject, publishTime: report.now, version };
    if (current) {
      const written = await this.collection.updateOne({ _id: report.id, version: current.version }, { $set: set, ...outboxUpdate<PublishedReportDocument>([entry]) });
      if (written.matchedCount === 0) return this.publish(report);
    } else {
      await this.collection.insertOne({ _id: report.id, ...set, outbox: [entry], outboxPendingSince: new Date() });
    }
    await this.afterWrite(report.id);
    return { version };
  }
}
