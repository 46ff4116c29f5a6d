/**
 * Checks of a Manifest's `structures` (IIIF Presentation 3.0 §5.4 Range, §3 structures), written from the
 * specification's MUST/SHOULD statements; reach-iiif-rules.ts runs them on every Manifest it checks.
 */
type Json = Record<string, unknown>;

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isHttp = (v: unknown): v is string => typeof v === 'string' && /^https?:\/\/[^/\s]+/.test(v);
/** W3C Media Fragments, temporal, in seconds: the form Presentation 3 uses to point at part of a Canvas. */
const TIME = /^t=(\d+(?:\.\d+)?)?,(\d+(?:\.\d+)?)$|^t=(\d+(?:\.\d+)?)$/;

export function rangeProblems(doc: Json): string[] {
  if (!('structures' in doc)) return [];
  const p: string[] = [];
  const canvases = new Map<string, number | undefined>();
  for (const c of Array.isArray(doc.items) ? doc.items : [])
    if (isObj(c) && typeof c.id === 'string')
      canvases.set(c.id, typeof c.duration === 'number' ? c.duration : undefined);
  const seen = new Set<string>();

  const canvasRef = (ref: Json, where: string) => {
    if (typeof ref.id !== 'string') {
      p.push(`${where}.id: required`);
      return;
    }
    const [base, frag] = ref.id.split('#', 2) as [string, string | undefined];
    if (!canvases.has(base)) p.push(`${where}.id: ${base} is not a Canvas of this Manifest`);
    if (frag === undefined) return;
    const m = TIME.exec(frag);
    if (!m) {
      p.push(`${where}.id: fragment "#${frag}" is not a media fragment t=start,end`);
      return;
    }
    const start = Number(m[1] ?? m[3] ?? 0);
    const end = m[2] === undefined ? undefined : Number(m[2]);
    const duration = canvases.get(base);
    if (end !== undefined && !(start < end)) p.push(`${where}.id: #${frag} must start before it ends`);
    if (duration !== undefined && (start >= duration || (end ?? 0) > duration + 1e-6))
      p.push(`${where}.id: #${frag} runs past the Canvas's duration (${duration})`);
  };

  const range = (r: unknown, where: string) => {
    if (!isObj(r)) {
      p.push(`${where}: must be an object`);
      return;
    }
    if (!isHttp(r.id)) p.push(`${where}.id: must be an HTTP(S) URI`);
    else if (seen.has(r.id)) p.push(`${where}.id: ${r.id} is used twice`);
    else seen.add(r.id);
    if (r.type !== 'Range') p.push(`${where}.type: must be "Range"`);
    if (!('label' in r)) p.push(`${where}.label: should be given`);
    for (const k of ['format', 'language', 'width', 'height', 'duration'])
      if (k in r) p.push(`${where}: a Range must not have ${k}`);
    if (!Array.isArray(r.items) || r.items.length === 0) {
      p.push(`${where}.items: must list at least one Range, Canvas or SpecificResource`);
      return;
    }
    r.items.forEach((item, i) => {
      const iw = `${where}.items[${i}]`;
      if (!isObj(item)) p.push(`${iw}: must be an object`);
      else if (item.type === 'Range') range(item, iw);
      else if (item.type === 'Canvas') canvasRef(item, iw);
      else if (item.type !== 'SpecificResource') p.push(`${iw}.type: "${item.type}" cannot be in a Range`);
    });
  };

  if (!Array.isArray(doc.structures) || doc.structures.length === 0)
    return ['manifest.structures: must be a non-empty array of Ranges'];
  doc.structures.forEach((r, i) => {
    range(r, `structures[${i}]`);
  });
  return p;
}
