// The floor plan as SVG: each booth at its grid position, coloured by its state for a fair (available,
// reserved, allocated, blocked), with its code and holder's name; a Vietnamese legend. Pure.
import type { Booth } from './booth';

export type BoothState = 'AVAILABLE' | 'RESERVED' | 'ALLOCATED' | 'BLOCKED';

export interface PlanBooth extends Booth {
  state: BoothState;
  holderName?: string;
}

const CELL = 96;
const GAP = 10;
const MARGIN = 24;
const HEADER = 72;
const LEGEND = 56;

const FILL: Record<BoothState, string> = { AVAILABLE: '#e8f5e9', RESERVED: '#fff3cd', ALLOCATED: '#cfe2ff', BLOCKED: '#d9d9d9' };
const STROKE: Record<BoothState, string> = { AVAILABLE: '#2e7d32', RESERVED: '#b8860b', ALLOCATED: '#1f4e9c', BLOCKED: '#777777' };
export const STATE_LABEL: Record<BoothState, string> = { AVAILABLE: 'Còn trống', RESERVED: 'Đang giữ chỗ', ALLOCATED: 'Đã phân bổ', BLOCKED: 'Không sử dụng' };

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!);
}

/** Splits a name into at most two lines of `width` characters, with an ellipsis when cut. */
export function wrapName(name: string, width = 13): string[] {
  const words = name.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const next = line ? `${line} ${w}` : w;
    if (next.length <= width) line = next;
    else {
      if (line) lines.push(line);
      line = w.length > width ? `${w.slice(0, width - 1)}…` : w;
    }
    if (lines.length === 2) break;
  }
  if (lines.length < 2 && line) lines.push(line);
  if (lines.length === 2 && lines.join(' ').length < name.trim().length && !lines[1]!.endsWith('…')) lines[1] = `${lines[1]!.slice(0, width - 1)}…`;
  return lines.slice(0, 2);
}

export function renderFloorPlan(input: { venueName: string; fairName?: string; booths: readonly PlanBooth[] }): string {
  const rows = Math.max(0, ...input.booths.map((b) => b.row)) + 1;
  const columns = Math.max(0, ...input.booths.map((b) => b.column)) + 1;
  const width = Math.max(MARGIN * 2 + columns * (CELL + GAP) - GAP, 640);
  const height = HEADER + rows * (CELL + GAP) - GAP + LEGEND + MARGIN;
  const parts: string[] = [];
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="'Noto Sans', 'DejaVu Sans', Arial, sans-serif">`);
  parts.push(`<title>${escapeXml(`Sơ đồ gian hàng — ${input.venueName}`)}</title>`);
  parts.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  parts.push(`<text x="${MARGIN}" y="32" font-size="20" font-weight="bold" fill="#222">${escapeXml(`Sơ đồ gian hàng — ${input.venueName}`)}</text>`);
  if (input.fairName) parts.push(`<text x="${MARGIN}" y="56" font-size="14" fill="#444">${escapeXml(input.fairName)}</text>`);
  for (const b of input.booths) {
    const x = MARGIN + b.column * (CELL + GAP);
    const y = HEADER + b.row * (CELL + GAP);
    const label = `${b.code}: ${STATE_LABEL[b.state]}${b.holderName ? ` — ${b.holderName}` : ''}`;
    parts.push(`<g data-code="${escapeXml(b.code)}" data-state="${b.state}"><title>${escapeXml(label)}</title>`);
    parts.push(`<rect x="${x}" y="${y}" width="${CELL}" height="${CELL}" rx="4" fill="${FILL[b.state]}" stroke="${STROKE[b.state]}" stroke-width="${b.corner ? 3 : 1.5}"/>`);
    if (b.corner) parts.push(`<path d="M${x + CELL - 16} ${y} h16 v16 z" fill="${STROKE[b.state]}"/>`);
    parts.push(`<text x="${x + 8}" y="${y + 20}" font-size="14" font-weight="bold" fill="#222">${escapeXml(b.code)}</text>`);
    const lines = b.holderName ? wrapName(b.holderName) : b.state === 'BLOCKED' ? [STATE_LABEL.BLOCKED] : [];
    lines.forEach((line, i) => parts.push(`<text x="${x + 8}" y="${y + 48 + i * 16}" font-size="11" fill="#333">${escapeXml(line)}</text>`));
    parts.push(`<text x="${x + 8}" y="${y + CELL - 8}" font-size="10" fill="#666">${b.widthM}×${b.depthM} m</text></g>`);
  }
  const ly = HEADER + rows * (CELL + GAP) + 20;
  (Object.keys(STATE_LABEL) as BoothState[]).forEach((state, i) => {
    const x = MARGIN + i * 150;
    parts.push(`<rect x="${x}" y="${ly}" width="18" height="18" fill="${FILL[state]}" stroke="${STROKE[state]}"/>`);
    parts.push(`<text x="${x + 26}" y="${ly + 14}" font-size="13" fill="#222">${STATE_LABEL[state]}</text>`);
  });
  parts.push(`<text x="${MARGIN + 600}" y="${ly + 14}" font-size="13" fill="#222">◥ gian góc (hai mặt thoáng)</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}

/** Each booth's state for a fair: blocked in the plan, else held (reserved/allocated), else available. */
export function boothStates(booths: readonly Booth[], holds: readonly { code: string; state: 'RESERVED' | 'ALLOCATED'; holderName: string }[]): PlanBooth[] {
  const byCode = new Map(holds.map((h) => [h.code, h]));
  return booths.map((b) => {
    if (b.blocked) return { ...b, state: 'BLOCKED' };
    const h = byCode.get(b.code);
    return h ? { ...b, state: h.state, holderName: h.holderName } : { ...b, state: 'AVAILABLE' };
  });
}
