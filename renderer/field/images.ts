/** Photos larger than this are refused before they are decoded: a phone photo is a few MB. */
export const MAX_SOURCE_BYTES = 40 * 1024 * 1024;
/** The longest side a stored photo keeps: enough to read a rating plate, small enough to sync on a phone line. */
export const MAX_PHOTO_SIDE = 1600;

export class PhotoTooLarge extends Error {}
export class NotAnImage extends Error {}

const blobToBase64 = async (blob: Blob): Promise<string> => {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
};

/**
 * A photo resized on the desk and re-encoded as JPEG: drawing it on a canvas keeps the pixels and
 * nothing else, so the camera's Exif (GPS position, owner, time) never leaves this function.
 */
export async function photoAsJpeg(file: Blob): Promise<string> {
  if (file.size > MAX_SOURCE_BYTES) throw new PhotoTooLarge();
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    throw new NotAnImage();
  }
  const scale = Math.min(1, MAX_PHOTO_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) throw new NotAnImage();
  return blobToBase64(blob);
}

export const dataUrlBase64 = (dataUrl: string) => dataUrl.slice(dataUrl.indexOf(',') + 1);
