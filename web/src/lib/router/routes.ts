import { SLUG_WORDS } from '@artifact-stories/contracts/slugs';

/** Every page of the site. Pure data + matching, so it is tested without a browser. */
export type Route =
  | { name: 'home' }
  | { name: 'search' }
  | { name: 'artifact'; slug: string }
  | { name: 'group'; slug: string }
  | { name: 'films' }
  | { name: 'family'; slug: string }
  | { name: 'staff-groups' }
  | { name: 'exhibition'; slug: string }
  | { name: 'embed'; slug: string }
  | { name: 'staff-login' }
  | { name: 'staff-dashboard' }
  | { name: 'staff-new' }
  | { name: 'staff-labels' }
  | { name: 'staff-playback' }
  | { name: 'staff-edit'; id: number }
  | { name: 'staff-lessons' }
  | { name: 'join' }
  | { name: 'lesson'; code: string }
  | { name: 'lesson-print'; code: string }
  | { name: 'lesson-present'; code: string }
  | { name: 'exhibition-present'; slug: string }
  | { name: 'lesson-new' }
  | { name: 'lesson-edit'; code: string }
  | { name: 'staff-exhibitions' }
  | { name: 'staff-exhibition'; id: number | null }
  | { name: 'not-found' };

const SLUG = `(${SLUG_WORDS})`;
/** A class code as it may appear in a link: the api normalises case and dashes and says when it names nothing. */
const CODE = '([A-Za-z0-9-]{1,20})';

const table: [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ name: 'home' })],
  [/^\/search$/, () => ({ name: 'search' })],
  [new RegExp(`^/artifacts/${SLUG}$`), (m) => ({ name: 'artifact', slug: m[1] as string })],
  [new RegExp(`^/groups/${SLUG}$`), (m) => ({ name: 'group', slug: m[1] as string })],
  [/^\/films$/, () => ({ name: 'films' })],
  [new RegExp(`^/families/${SLUG}$`), (m) => ({ name: 'family', slug: m[1] as string })],
  [/^\/staff\/groups$/, () => ({ name: 'staff-groups' })],
  [new RegExp(`^/exhibitions/${SLUG}$`), (m) => ({ name: 'exhibition', slug: m[1] as string })],
  [new RegExp(`^/embed/${SLUG}$`), (m) => ({ name: 'embed', slug: m[1] as string })],
  [/^\/staff\/login$/, () => ({ name: 'staff-login' })],
  [/^\/staff$/, () => ({ name: 'staff-dashboard' })],
  [/^\/staff\/artifacts\/new$/, () => ({ name: 'staff-new' })],
  [/^\/staff\/labels$/, () => ({ name: 'staff-labels' })],
  [/^\/staff\/playback$/, () => ({ name: 'staff-playback' })],
  [/^\/staff\/artifacts\/([1-9][0-9]*)$/, (m) => ({ name: 'staff-edit', id: Number(m[1]) })],
  [/^\/staff\/lessons$/, () => ({ name: 'staff-lessons' })],
  [/^\/join$/, () => ({ name: 'join' })],
  [new RegExp(`^/l/${CODE}$`), (m) => ({ name: 'lesson', code: m[1] as string })],
  [new RegExp(`^/l/${CODE}/print$`), (m) => ({ name: 'lesson-print', code: m[1] as string })],
  [new RegExp(`^/l/${CODE}/present$`), (m) => ({ name: 'lesson-present', code: m[1] as string })],
  [
    new RegExp(`^/exhibitions/${SLUG}/present$`),
    (m) => ({ name: 'exhibition-present', slug: m[1] as string }),
  ],
  [/^\/lessons\/new$/, () => ({ name: 'lesson-new' })],
  [new RegExp(`^/lessons/${CODE}/edit$`), (m) => ({ name: 'lesson-edit', code: m[1] as string })],
  [/^\/staff\/exhibitions$/, () => ({ name: 'staff-exhibitions' })],
  [/^\/staff\/exhibitions\/new$/, () => ({ name: 'staff-exhibition', id: null })],
  [/^\/staff\/exhibitions\/([1-9][0-9]*)$/, (m) => ({ name: 'staff-exhibition', id: Number(m[1]) })],
];

export function matchRoute(pathname: string): Route {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  for (const [pattern, make] of table) {
    const m = path.match(pattern);
    if (m) return make(m);
  }
  return { name: 'not-found' };
}
