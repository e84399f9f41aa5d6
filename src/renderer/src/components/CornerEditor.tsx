/**
 * The original photo with the page's four corners drawn over it (an SVG in the photo's own pixels),
 * each corner a handle to drag with the pointer or, focused, to move with the arrow keys (Shift: ten
 * times the step), so the detection can be fixed without a mouse.
 */
import { useRef } from 'react';
import type { ScanQuad } from '../../../core/model/scan/result';
import { useT } from '../lib/i18n';

type Props = {
  url: string;
  alt: string;
  width: number;
  height: number;
  corners: ScanQuad;
  onChange: (corners: ScanQuad) => void;
  /** id of the line saying how to move the corners. */
  describedBy: string;
};

const NAMES = ['ui.scan.topLeft', 'ui.scan.topRight', 'ui.scan.bottomRight', 'ui.scan.bottomLeft'] as const;
const KEYS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function CornerEditor({ url, alt, width, height, corners, onChange, describedBy }: Props) {
  const t = useT();
  const svg = useRef<SVGSVGElement>(null);
  const dragging = useRef<number | null>(null);
  const long = Math.max(width, height);
  // A key press moves a corner by 0.2 % of the photo's long side: fine enough to land on an edge.
  const step = Math.max(1, Math.round(long / 500));
  const clamp = (x: number, y: number): [number, number] => [
    Math.round(Math.min(Math.max(x, 0), width)),
    Math.round(Math.min(Math.max(y, 0), height)),
  ];
  const move = (index: number, point: [number, number]) =>
    onChange(corners.map((c, i) => (i === index ? point : c)) as ScanQuad);
  const toPhoto = (e: React.PointerEvent): [number, number] => {
    const box = svg.current!.getBoundingClientRect();
    return clamp(((e.clientX - box.left) / box.width) * width, ((e.clientY - box.top) / box.height) * height);
  };
  const radius = long / 45;
  return (
    <div className="scan-photo" style={{ aspectRatio: `${width} / ${height}` }}>
      <img src={url} alt={alt} />
      <svg
        ref={svg}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        onPointerMove={(e) => {
          if (dragging.current !== null) move(dragging.current, toPhoto(e));
        }}
        onPointerUp={() => (dragging.current = null)}
        onPointerCancel={() => (dragging.current = null)}
      >
        <polygon className="scan-quad" points={corners.map((c) => c.join(',')).join(' ')} />
        {corners.map(([x, y], index) => (
          <circle
            key={NAMES[index]}
            className="scan-corner"
            cx={x}
            cy={y}
            r={radius}
            role="button"
            tabIndex={0}
            aria-label={t('ui.scan.corner', { corner: t(NAMES[index]), x, y })}
            aria-describedby={describedBy}
            onPointerDown={(e) => {
              e.preventDefault();
              (e.target as Element).setPointerCapture?.(e.pointerId);
              dragging.current = index;
              (e.target as SVGElement).focus();
            }}
            onKeyDown={(e) => {
              const dir = KEYS[e.key];
              if (!dir) return;
              e.preventDefault();
              const by = e.shiftKey ? step * 10 : step;
              move(index, clamp(x + dir[0] * by, y + dir[1] * by));
            }}
          />
        ))}
      </svg>
    </div>
  );
}
