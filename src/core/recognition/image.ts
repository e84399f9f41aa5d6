/**
 * A document file as recognition needs it: upright (EXIF orientation applied; neither the engine nor
 * the QR reader looks at the tag), flattened on white, and reduced so its long side is at most
 * `maxSide` px. A 12-megapixel photo at full size costs the engine seconds more and gigabytes; at
 * 1280 px a licence's smallest printed text is still ~20 px high. A PDF's first page is rendered.
 */
import sharp from 'sharp';
import { MAX_IMAGE_PIXELS, imageError } from '../images/prepare';
import { foreignError, sniff } from '../fs/sniff';

export const RECOGNITION_SIDE = 1280;

/** PNG bytes of the upright, reduced page. */
export async function documentImage(bytes: Uint8Array, name: string, maxSide = RECOGNITION_SIDE): Promise<Buffer> {
  // The formats a material may be (PDF, JPEG, PNG), told by content; others get the import's hints.
  const type = sniff(bytes);
  if (type.kind === 'foreign') throw foreignError(type.type, name);
  if (type.mediaType === 'application/pdf') return pdfPageImage(bytes, name, maxSide);
  try {
    return await sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: 'truncated' })
      .rotate()
      .resize(maxSide, maxSide, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .png({ compressionLevel: 1 })
      .toBuffer();
  } catch (error) {
    throw imageError(error, name);
  }
}

async function pdfPageImage(bytes: Uint8Array, name: string, maxSide: number): Promise<Buffer> {
  const { openForRendering } = await import('../pdf/render');
  const pdf = await openForRendering(bytes, name);
  try {
    // A4 at 155 dpi is 1280 px on its long side; `fit` caps larger pages to the same pixels.
    const page = await pdf.renderPage(0, {
      dpi: 155,
      fit: (width, height) => {
        const scale = Math.min(1, ((maxSide / 155) * 72) / Math.max(width, height));
        return { width: width * scale, height: height * scale };
      },
    });
    return await sharp(page.pixels, { raw: { width: page.width, height: page.height, channels: 4 } })
      .png({ compressionLevel: 1 })
      .toBuffer();
  } finally {
    await pdf.close();
  }
}

/** The image turned clockwise by a quarter (90, 180, 270). */
export function turned(png: Buffer, degrees: number): Promise<Buffer> {
  return sharp(png).rotate(degrees).png({ compressionLevel: 1 }).toBuffer();
}
