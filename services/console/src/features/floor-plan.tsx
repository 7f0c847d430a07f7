// The interactive floor plan: booths at their grid positions, coloured by state with a legend (colour is
// never the only cue: each booth's state is in its accessible name and its pattern), the holder on hover
// (title) or tap (the details line), corner booths marked ◆, one's own booths outlined. Staff may block or
// unblock a booth (the caller saves the plan). Print and PNG for the venue's notice board.
import { Button, Group, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boothLabel, shortHolder } from './booth-label';
import type { BoothState, PlanBooth } from './types';

const FILL: Record<BoothState, string> = { AVAILABLE: '#e8f5e9', RESERVED: '#fff3cd', ALLOCATED: '#cfe2ff', BLOCKED: '#d9d9d9' };
const STROKE: Record<BoothState, string> = { AVAILABLE: '#2e7d32', RESERVED: '#8a6100', ALLOCATED: '#1f4e9c', BLOCKED: '#555555' };
const CELL = 64;
const GAP = 6;

export function FloorPlan({
  booths,
  highlight = [],
  onToggleBlock,
  title,
}: {
  booths: readonly PlanBooth[];
  highlight?: readonly string[];
  onToggleBlock?: (code: string) => void;
  title: string;
}) {
  const { t } = useTranslation('features');
  const [selected, setSelected] = useState<PlanBooth>();
  const svg = useRef<SVGSVGElement>(null);
  const rows = Math.max(0, ...booths.map((b) => b.row)) + 1;
  const columns = Math.max(0, ...booths.map((b) => b.column)) + 1;
  const width = columns * (CELL + GAP) + GAP;
  const height = rows * (CELL + GAP) + GAP;
  const label = (b: PlanBooth) =>
    boothLabel({
      code: b.code,
      state: t(`state.${b.state}`),
      ...(b.holderName ? { holderName: b.holderName } : {}),
      ...(b.corner ? { corner: t('plan.corner') } : {}),
      ...(highlight.includes(b.code) ? { yours: t('plan.yours') } : {}),
    });

  const downloadPng = async () => {
    if (!svg.current) return;
    const xml = new XMLSerializer().serializeToString(svg.current);
    const image = new Image();
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xml)}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = `${title.replace(/[^\p{L}\p{N}]+/gu, '-')}.png`;
    a.click();
  };

  return (
    <figure className="floor-plan" aria-label={title}>
      <ul className="legend" aria-label={t('plan.legend')}>
        {(Object.keys(FILL) as BoothState[]).map((s) => (
          <li key={s}>
            <span className="swatch" style={{ background: FILL[s], borderColor: STROKE[s] }} aria-hidden="true" /> {t(`state.${s}`)}
          </li>
        ))}
        <li>◆ {t('plan.corner')}</li>
        {highlight.length > 0 && (
          <li>
            <span className="swatch mine" aria-hidden="true" /> {t('plan.yours')}
          </li>
        )}
      </ul>
      <div className="plan-scroll">
        <svg ref={svg} xmlns="http://www.w3.org/2000/svg" viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="group" aria-label={title}>
          {booths.map((b) => {
            const x = GAP + b.column * (CELL + GAP);
            const y = GAP + b.row * (CELL + GAP);
            const mine = highlight.includes(b.code);
            return (
              <g
                key={b.code}
                role="button"
                tabIndex={0}
                aria-label={label(b)}
                aria-pressed={selected?.code === b.code}
                data-booth={b.code}
                data-state={b.state}
                onClick={() => setSelected(b)}
                onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && (e.preventDefault(), setSelected(b))}
                style={{ cursor: 'pointer' }}
              >
                <title>{label(b)}</title>
                <rect x={x} y={y} width={CELL} height={CELL} rx={4} fill={FILL[b.state]} stroke={mine ? '#b3001b' : STROKE[b.state]} strokeWidth={mine ? 4 : 1.5} strokeDasharray={b.state === 'BLOCKED' ? '4 3' : undefined} />
                <text x={x + 6} y={y + 18} fontSize={13} fontWeight={700} fill="#1a1a1a">
                  {b.code}
                  {b.corner ? ' ◆' : ''}
                  {/* A separate word from the holder's name below, for what assistive technology reads as the booth's visible text. */}
                  {' '}
                </text>
                {b.holderName && (
                  <text x={x + 6} y={y + 38} fontSize={10} fill="#1a1a1a">
                    {shortHolder(b.holderName)}
                    {shortHolder(b.holderName) !== b.holderName ? '…' : ''}
                  </text>
                )}
                {b.state === 'BLOCKED' && (
                  <text x={x + 6} y={y + 54} fontSize={10} fill="#1a1a1a">
                    ✕
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <Text aria-live="polite" size="sm" data-testid="booth-details">
          {selected ? label(booths.find((b) => b.code === selected.code) ?? selected) : t('plan.tap')}
        </Text>
        <Group gap="xs" mt="xs" className="no-print">
          {onToggleBlock && selected && (
            <Button variant="outline" onClick={() => onToggleBlock(selected.code)}>
              {booths.find((b) => b.code === selected.code)?.blocked ? t('plan.unblock', { code: selected.code }) : t('plan.block', { code: selected.code })}
            </Button>
          )}
          <Button variant="default" onClick={() => window.print()}>
            {t('plan.print')}
          </Button>
          <Button variant="default" onClick={() => void downloadPng()}>
            {t('plan.png')}
          </Button>
        </Group>
      </figcaption>
    </figure>
  );
}
