import { momentParam } from '@artifact-stories/contracts/moment';

/**
 * The link to hand someone for the page at `href`: its language stays (it is in the path), any #fragment
 * and linked moment go, and `at` (seconds) becomes `?t=` when the visitor shares "from this time".
 */
export function linkToShare(href: string, at?: number): string {
  const url = new URL(href);
  url.hash = '';
  url.searchParams.delete('t');
  if (at !== undefined) url.searchParams.set('t', momentParam({ start: at }));
  return url.href;
}
