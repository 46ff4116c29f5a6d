import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { launchChromium } from '@artifact-stories/media-pipeline/testing';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordRequests, requestKind, segmentOf, THROTTLE_PROFILES, throttle } from './support/network.ts';

// The helpers the network benchmark and slow-network browser tests share: what they classify, what they count,
// and that the throttling reaches the page.
const SEGMENT_BYTES = 100_000;
const base = 'http://127.0.0.1:9/media/7f0c2a4e/v1';

describe('request kinds', () => {
  it('tells media, posters, captions, storyboard and the rest apart by URL', () => {
    expect(requestKind(`${base}/master.m3u8`)).toBe('media');
    expect(requestKind(`${base}/360p/index.m3u8`)).toBe('media');
    expect(requestKind(`${base}/360p/init.mp4`)).toBe('media');
    expect(requestKind(`${base}/360p/seg-004.m4s`)).toBe('media');
    expect(requestKind(`${base}/poster/poster-320.webp`)).toBe('poster');
    expect(requestKind(`${base}/captions/vi.m3u8`)).toBe('captions');
    expect(requestKind(`${base}/captions/vi.vtt`)).toBe('captions');
    expect(requestKind(`${base}/storyboard/storyboard.vtt`)).toBe('storyboard');
    expect(requestKind('http://127.0.0.1:9/assets/hls-Bx1.js')).toBe('other');
    expect(requestKind('http://127.0.0.1:9/api/artifacts/khen-hmong')).toBe('other');
  });

  it('reads the rendition and position of a segment from its URL, and only of a segment', () => {
    expect(segmentOf(`${base}/240p/seg-012.m4s`)).toEqual({ rendition: '240p', index: 12 });
    expect(segmentOf(`${base}/audio/seg-000.m4s`)).toEqual({ rendition: 'audio', index: 0 });
    expect(segmentOf(`${base}/240p/init.mp4`)).toBeNull();
    expect(segmentOf(`${base}/240p/index.m3u8`)).toBeNull();
    expect(segmentOf(`${base}/master.m3u8`)).toBeNull();
    expect(segmentOf(`${base}/poster/poster-1280.jpg`)).toBeNull();
  });
});

describe('throttling and request accounting in Chromium', () => {
  let server: Server;
  let origin: string;
  let browser: Browser;

  beforeAll(async () => {
    // A page that fetches one segment-sized file, served uncompressed as the media plugin serves segments.
    server = createServer((req, res) => {
      if (req.url === '/media/v/1/360p/seg-000.m4s') {
        res.writeHead(200, { 'content-type': 'video/iso.segment' }).end(Buffer.alloc(SEGMENT_BYTES, 7));
      } else {
        res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>t</title><p>page</p>');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('tells the page the throttled link and counts the bytes each request brought', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await throttle(page, THROTTLE_PROFILES.slow3g);
      const log = await recordRequests(page);
      await page.goto(origin);
      // Chromium hands the emulated link to the Network Information API, which a player may read
      // (rounded, with up to ±10 % noise per site).
      const link = await page.evaluate(() => {
        const c = (navigator as unknown as { connection: { downlink: number; rtt: number } }).connection;
        return { downlink: c.downlink, rtt: c.rtt };
      });
      expect(link.downlink).toBeGreaterThanOrEqual(0.35);
      expect(link.downlink).toBeLessThanOrEqual(0.45);
      expect(link.rtt).toBeGreaterThanOrEqual(350);
      expect(link.rtt).toBeLessThanOrEqual(450);

      await page.evaluate(() => fetch('/media/v/1/360p/seg-000.m4s').then((r) => r.arrayBuffer()));
      await expect.poll(() => log.inFlight()).toBe(0);
      const segment = log.requests.find((r) => r.url.endsWith('seg-000.m4s'));
      expect(segment?.kind).toBe('media');
      // The body and the response headers, no more.
      expect(segment?.bytes).toBeGreaterThanOrEqual(SEGMENT_BYTES);
      expect(segment?.bytes).toBeLessThan(SEGMENT_BYTES + 1_000);
      expect(log.bytes((r) => r.kind === 'media')).toBe(segment?.bytes);
      // Counted by the time it arrived: nothing of it before it was asked for.
      expect(log.bytes((r) => r.kind === 'media', segment?.startedAt)).toBe(0);
      expect(log.requests[0]).toMatchObject({ url: `${origin}/`, kind: 'other' });
      expect(log.bytes()).toBeGreaterThan(SEGMENT_BYTES);
    } finally {
      await context.close();
    }
  });
});
