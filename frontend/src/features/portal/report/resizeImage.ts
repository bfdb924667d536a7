/** The longest side a photo keeps: plenty to see a pothole, a fraction of a phone camera's bytes. */
export const MAX_SIDE = 1600

/** The size a photo is drawn at: never larger than it is, its longest side at most `max`. */
export function fittedSize(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height))
  return { width: Math.round(width * scale), height: Math.round(height * scale) }
}

/**
 * The photo redrawn on a canvas as a JPEG: smaller to send on a phone network, and with none of
 * the camera's metadata (the API strips EXIF too).
 */
export async function resizeImage(file: File): Promise<Blob> {
  const bitmap = await createImageBitmap(file)
  const { width, height } = fittedSize(bitmap.width, bitmap.height)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height)
  bitmap.close()
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toBlob'))), 'image/jpeg', 0.85))
}
