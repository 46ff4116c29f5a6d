import QRCode from 'qrcode';

/**
 * Gallery labels are printed and scanned from a step away, under museum lighting: error correction 'M'
 * (15 %) survives smudges and keeps the code small; the four-module quiet zone is what scanners expect.
 */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export const QR_PNG_SIZES = { min: 128, max: 2048, default: 512 } as const;

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: 'svg' });
}

export function qrPng(url: string, width: number = QR_PNG_SIZES.default): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width });
}
