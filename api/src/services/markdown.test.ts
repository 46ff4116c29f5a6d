import { describe, expect, it } from 'vitest';
import { renderStory, storyText } from './markdown.ts';

describe('renderStory', () => {
  it('renders Markdown emphasis and lists', () => {
    expect(renderStory('Nhà *rông* của người **Ba Na**\n\n- một\n- hai')).toContain('<em>rông</em>');
    expect(renderStory('- một\n- hai')).toContain('<li>một</li>');
  });

  it('removes scripts, event handlers and javascript: links', () => {
    expect(renderStory('<script>alert(1)</script><img src=x onerror=alert(1)>')).not.toMatch(
      /<script|onerror|<img/i,
    );
    const link = renderStory('See [the drum](javascript:alert(1)) and [museum](https://vme.org.vn)');
    expect(link).not.toMatch(/href="javascript/i);
    expect(link).toContain('href="https://vme.org.vn"');
    expect(link).toContain('rel="noopener noreferrer"');
  });
});

describe('storyText', () => {
  it('strips markup and decodes entities', () => {
    expect(storyText('Cồng *chiêng* & "khèn"')).toBe('Cồng chiêng & "khèn"');
  });
});
