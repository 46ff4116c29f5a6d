/**
 * Checks of a IIIF Presentation 3.0 Manifest, written from the specification's MUST/SHOULD statements
 * (https://iiif.io/api/presentation/3.0/: §3 properties, §4 JSON-LD, §5 resource structure). Returns every
 * problem found; an empty list means the document passed. Covers what a video Manifest uses.
 */
import { rangeProblems } from './reach-iiif-range-rules.ts';

type Json = Record<string, unknown>;

/** The shape of the Manifests this project writes, for tests that read them. */
type LanguageMap = Record<string, string[]>;
interface IiifResource {
  id: string;
  type: string;
  format?: string;
  language?: string[];
  label?: LanguageMap;
  width?: number;
  height?: number;
  duration?: number;
  /** The alternatives of a Choice body. */
  items?: IiifResource[];
}
export interface IiifAnnotation {
  id: string;
  type: 'Annotation';
  motivation: string;
  body: IiifResource;
  target: string;
}
interface IiifAnnotationPage {
  id: string;
  type: 'AnnotationPage';
  items: IiifAnnotation[];
}
interface IiifCanvas extends IiifResource {
  items: IiifAnnotationPage[];
  annotations?: IiifAnnotationPage[];
  thumbnail?: IiifResource[];
  placeholderCanvas?: IiifCanvas;
}
export interface IiifManifest {
  '@context': string;
  id: string;
  type: 'Manifest';
  label: LanguageMap;
  summary?: LanguageMap;
  metadata: { label: LanguageMap; value: LanguageMap }[];
  requiredStatement: { label: LanguageMap; value: LanguageMap };
  rights: string;
  thumbnail: IiifResource[];
  homepage: IiifResource[];
  items: IiifCanvas[];
}

const CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
const CONTENT_TYPES = new Set(['Dataset', 'Image', 'Model', 'Sound', 'Text', 'Video']);
const LANG = /^(none|[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*)$/;
const RIGHTS = [
  /^http:\/\/creativecommons\.org\/(licenses|publicdomain)\/[a-z0-9.-]+(\/[a-z0-9.-]+)*\/$/,
  /^http:\/\/rightsstatements\.org\/vocab\/[A-Za-z-]+\/1\.0\/$/,
];
const NOT_CONTENT = new Set([
  'Manifest',
  'Canvas',
  'AnnotationPage',
  'Annotation',
  'Agent',
  'Collection',
  'Range',
]);

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isHttp = (v: unknown): v is string => {
  if (typeof v !== 'string') return false;
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.host !== '';
  } catch {
    return false;
  }
};
const looksHtml = (s: string) => s.startsWith('<') && s.endsWith('>');

export function presentation3Problems(doc: unknown, retrievedFrom?: string): string[] {
  const p: string[] = [];
  const ids = new Map<string, string>();
  if (!isObj(doc)) return ['the document is not a JSON object'];

  const langMap = (v: unknown, where: string, { html = false } = {}) => {
    if (!isObj(v) || Object.keys(v).length === 0) {
      p.push(`${where}: must be a language map with an entry`);
      return;
    }
    for (const [k, vals] of Object.entries(v)) {
      if (!LANG.test(k)) p.push(`${where}: "${k}" is not a BCP 47 language code or "none"`);
      if (!Array.isArray(vals) || vals.length === 0) p.push(`${where}.${k}: must be a non-empty array`);
      else
        for (const s of vals) {
          if (typeof s !== 'string') p.push(`${where}.${k}: values must be strings`);
          else if (s.trim() === '') p.push(`${where}.${k}: empty string`);
          else if (!html && looksHtml(s)) p.push(`${where}.${k}: "${s}" would be read as HTML`);
        }
    }
  };
  const labelValue = (v: unknown, where: string) => {
    if (!isObj(v)) {
      p.push(`${where}: must be an object with label and value`);
      return;
    }
    langMap(v.label, `${where}.label`);
    langMap(v.value, `${where}.value`);
  };
  const resource = (r: Json, where: string, type?: string) => {
    if (!isHttp(r.id)) p.push(`${where}.id: must be an HTTP(S) URI (got ${JSON.stringify(r.id)})`);
    else if (typeof r.type === 'string' && NOT_CONTENT.has(r.type)) {
      const seen = ids.get(r.id);
      if (seen) p.push(`${where}.id: ${r.id} already identifies ${seen}`);
      ids.set(r.id, where);
    }
    if (typeof r.type !== 'string') p.push(`${where}.type: must be a string`);
    else if (type && r.type !== type) p.push(`${where}.type: must be "${type}" (got "${r.type}")`);
    if ('@context' in r && where !== 'manifest') p.push(`${where}: @context only on the top resource`);
    for (const k of Object.keys(r)) if (k.startsWith('@') && k !== '@context') p.push(`${where}: key ${k}`);
    if (typeof r.type === 'string' && NOT_CONTENT.has(r.type)) {
      if ('format' in r) p.push(`${where}: a ${r.type} must not have format`);
      if ('language' in r) p.push(`${where}: a ${r.type} must not have language`);
    }
    if (r.type !== 'Canvas' && typeof r.type === 'string' && NOT_CONTENT.has(r.type)) {
      for (const k of ['width', 'height', 'duration'])
        if (k in r) p.push(`${where}: a ${r.type} must not have ${k}`);
    }
    for (const k of ['width', 'height'])
      if (k in r && !(Number.isInteger(r[k]) && (r[k] as number) > 0))
        p.push(`${where}.${k}: positive integer`);
    if ('duration' in r && !(typeof r.duration === 'number' && r.duration > 0))
      p.push(`${where}.duration: > 0`);
    if ('language' in r) {
      const l = r.language;
      if (!Array.isArray(l) || l.some((x) => typeof x !== 'string' || !LANG.test(x) || x === 'none'))
        p.push(`${where}.language: must be an array of language codes`);
    }
    if ('label' in r) langMap(r.label, `${where}.label`);
  };
  const contentList = (v: unknown, where: string) => {
    if (!Array.isArray(v)) {
      p.push(`${where}: must be an array`);
      return;
    }
    v.forEach((c, i) => {
      if (!isObj(c)) {
        p.push(`${where}[${i}]: must be an object`);
        return;
      }
      resource(c, `${where}[${i}]`);
      if (typeof c.format !== 'string') p.push(`${where}[${i}].format: should be given`);
    });
  };

  // §4.6 @context: first key, the Presentation 3 context (last, if an array).
  const ctx = doc['@context'];
  const ctxOk = ctx === CONTEXT || (Array.isArray(ctx) && ctx[ctx.length - 1] === CONTEXT);
  if (!ctxOk) p.push('@context: must be the Presentation 3 context');
  if (Object.keys(doc)[0] !== '@context') p.push('@context: should be the first key');
  if ('@graph' in doc) p.push('@graph must not appear');

  resource(doc, 'manifest', 'Manifest');
  if (retrievedFrom && doc.id !== retrievedFrom)
    p.push(`manifest.id: ${doc.id} is not where it was retrieved (${retrievedFrom})`);
  if (!('label' in doc)) p.push('manifest.label: required');
  if ('summary' in doc) langMap(doc.summary, 'manifest.summary', { html: true });
  if ('metadata' in doc) {
    if (!Array.isArray(doc.metadata)) p.push('manifest.metadata: must be an array');
    else
      doc.metadata.forEach((m, i) => {
        labelValue(m, `manifest.metadata[${i}]`);
      });
  }
  if ('requiredStatement' in doc) labelValue(doc.requiredStatement, 'manifest.requiredStatement');
  if (
    'rights' in doc &&
    !(typeof doc.rights === 'string' && RIGHTS.some((r) => r.test(doc.rights as string)))
  )
    p.push(
      `manifest.rights: ${JSON.stringify(doc.rights)} is not a Creative Commons or RightsStatements.org URI`,
    );
  if ('thumbnail' in doc) contentList(doc.thumbnail, 'manifest.thumbnail');
  if ('homepage' in doc) contentList(doc.homepage, 'manifest.homepage');
  if ('provider' in doc) {
    if (!Array.isArray(doc.provider)) p.push('manifest.provider: must be an array');
    else
      doc.provider.forEach((a, i) => {
        if (!isObj(a)) {
          p.push(`manifest.provider[${i}]: object`);
          return;
        }
        resource(a, `manifest.provider[${i}]`, 'Agent');
        if (!('label' in a)) p.push(`manifest.provider[${i}].label: required`);
        if ('homepage' in a) contentList(a.homepage, `manifest.provider[${i}].homepage`);
      });
  }

  if (!Array.isArray(doc.items) || doc.items.length === 0)
    return [...p, 'manifest.items: must list at least one Canvas'];
  // A Canvas of the Manifest, or (§3 placeholderCanvas) the one shown before it plays, which has none itself.
  const checkCanvas = (canvas: unknown, cw: string, placeholder: boolean) => {
    if (!isObj(canvas)) {
      p.push(`${cw}: must be an object`);
      return;
    }
    resource(canvas, cw, 'Canvas');
    if ('placeholderCanvas' in canvas) {
      if (placeholder) p.push(`${cw}: a placeholderCanvas must not have its own`);
      else checkCanvas(canvas.placeholderCanvas, `${cw}.placeholderCanvas`, true);
    }
    if (typeof canvas.id === 'string' && canvas.id.includes('#'))
      p.push(`${cw}.id: must not have a fragment`);
    if (!('label' in canvas)) p.push(`${cw}.label: should be given`);
    const hasW = 'width' in canvas;
    const hasH = 'height' in canvas;
    if (hasW !== hasH) p.push(`${cw}: width and height come together`);
    if (!hasW && !('duration' in canvas)) p.push(`${cw}: needs width+height and/or duration`);
    if ('thumbnail' in canvas) contentList(canvas.thumbnail, `${cw}.thumbnail`);

    const content = (b: unknown, bw: string, painting: boolean) => {
      if (!isObj(b)) {
        p.push(`${bw}: must be an object`);
        return;
      }
      resource(b, bw);
      if (typeof b.type === 'string' && !CONTENT_TYPES.has(b.type))
        p.push(`${bw}.type: "${b.type}" is not a content type`);
      if (typeof b.format !== 'string') p.push(`${bw}.format: should be given`);
      const timed = b.type === 'Video' || b.type === 'Sound';
      if (painting && timed && !('duration' in canvas))
        p.push(`${bw}: time-based content on a Canvas without duration`);
      if (painting && b.type === 'Video' && !hasW)
        p.push(`${bw}: a Video needs a Canvas with width and height`);
      if (
        typeof b.duration === 'number' &&
        typeof canvas.duration === 'number' &&
        b.duration > canvas.duration + 1e-6
      )
        p.push(`${bw}: content runs past the Canvas's duration`);
    };
    const pages = (list: unknown, where: string, painting: boolean) => {
      if (!Array.isArray(list)) {
        p.push(`${where}: must be an array`);
        return;
      }
      list.forEach((page, pi) => {
        const pw = `${where}[${pi}]`;
        if (!isObj(page)) {
          p.push(`${pw}: must be an object`);
          return;
        }
        resource(page, pw, 'AnnotationPage');
        if (!Array.isArray(page.items)) {
          p.push(`${pw}.items: must be an array`);
          return;
        }
        page.items.forEach((anno, ai) => {
          const aw = `${pw}.items[${ai}]`;
          if (!isObj(anno)) {
            p.push(`${aw}: must be an object`);
            return;
          }
          resource(anno, aw, 'Annotation');
          const motivations = Array.isArray(anno.motivation) ? anno.motivation : [anno.motivation];
          if (motivations.some((m) => typeof m !== 'string')) p.push(`${aw}.motivation: strings`);
          if (painting && !motivations.includes('painting'))
            p.push(`${aw}: only painting annotations belong in a Canvas's items`);
          if (!painting && motivations.includes('painting'))
            p.push(`${aw}: painting annotations belong in the Canvas's items`);
          const target = isObj(anno.target) ? anno.target.source : anno.target;
          if (typeof target !== 'string' || target.split('#')[0] !== canvas.id)
            p.push(`${aw}.target: must be the Canvas (${canvas.id})`);
          const bodies = Array.isArray(anno.body) ? anno.body : [anno.body];
          bodies.forEach((b, bi) => {
            const bw = `${aw}.body${Array.isArray(anno.body) ? `[${bi}]` : ''}`;
            // A Choice (Web Annotation model) offers alternatives: each must be valid content.
            if (isObj(b) && b.type === 'Choice') {
              if (!Array.isArray(b.items) || b.items.length === 0)
                p.push(`${bw}.items: a Choice lists at least one resource`);
              else
                b.items.forEach((item, ii) => {
                  content(item, `${bw}.items[${ii}]`, painting);
                });
            } else content(b, bw, painting);
          });
        });
      });
    };
    if (!Array.isArray(canvas.items) || canvas.items.length === 0)
      p.push(`${cw}.items: needs an AnnotationPage`);
    else pages(canvas.items, `${cw}.items`, true);
    if ('annotations' in canvas) pages(canvas.annotations, `${cw}.annotations`, false);
  };
  doc.items.forEach((canvas, ci) => {
    checkCanvas(canvas, `canvas[${ci}]`, false);
  });
  return [...p, ...rangeProblems(doc)];
}
