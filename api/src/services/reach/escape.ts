const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text or attribute value into HTML: every character that could end a text run or an attribute. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => HTML[c] as string);
}

/** Drops what XML 1.0 cannot carry at all: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF. */
function xmlChars(value: string): string {
  let out = '';
  for (const ch of value) {
    const c = ch.codePointAt(0) as number;
    const control = c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d;
    if (control || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) continue;
    out += ch;
  }
  return out;
}

/** Text or attribute value into XML; characters XML cannot carry at all are dropped, not escaped. */
export function escapeXml(value: string | number): string {
  return escapeHtml(xmlChars(String(value))).replace(/&#39;/g, '&apos;');
}

/**
 * JSON inside <script type="application/ld+json">: `<` as \u003c so no `</script>` or `<!--` can end the
 * block early, and the two JavaScript line terminators escaped for old parsers.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
