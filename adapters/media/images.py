"""Photos are decoded and encoded again with Pillow, keeping the pixels and nothing else.

- The type comes from the bytes: only the JPEG, PNG, WebP and GIF decoders are tried.
- The pixel count is checked from the header before anything is decoded (decompression bombs).
- The EXIF orientation is applied to the pixels, then every piece of metadata (EXIF with GPS,
  XMP, PNG text chunks, comments) is left behind. A colour profile is applied (converted to
  sRGB) rather than carried, as it can identify the device.
- Animated images keep their first frame. GIFs become PNGs.
"""

import asyncio
import io
import warnings

from PIL import Image, ImageCms, ImageOps, UnidentifiedImageError

from domain.media.model import MAX_PIXELS, CleanImage, MediaTooLarge, UnsupportedMedia

DECODERS = ["JPEG", "PNG", "WEBP", "GIF"]
OUTPUT = {
    "JPEG": ("JPEG", "image/jpeg"),
    "PNG": ("PNG", "image/png"),
    "WEBP": ("WEBP", "image/webp"),
}
OUTPUT["GIF"] = OUTPUT["PNG"]
SRGB = ImageCms.createProfile("sRGB")


class PillowImageCleaner:
    def __init__(self, max_pixels: int = MAX_PIXELS) -> None:
        self._max_pixels = max_pixels

    async def clean(self, data: bytes) -> CleanImage:
        return await asyncio.to_thread(self.clean_now, data)

    def clean_now(self, data: bytes) -> CleanImage:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            try:
                return self._clean(data)
            except (MediaTooLarge, UnsupportedMedia):
                raise
            except (Image.DecompressionBombError, Image.DecompressionBombWarning):
                raise MediaTooLarge("the image has too many pixels") from None
            except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
                raise UnsupportedMedia("the file is not a JPEG, PNG, WebP or GIF image") from None

    def _clean(self, data: bytes) -> CleanImage:
        with Image.open(io.BytesIO(data), formats=DECODERS) as image:
            width, height = image.size
            if width * height > self._max_pixels or width < 1 or height < 1:
                raise MediaTooLarge(
                    f"the image has {width}x{height} pixels; at most {self._max_pixels} are taken"
                )
            source_format = str(image.format)
            image.seek(0)
            image.load()
            pixels = _pixels_only(image, source_format)
        file_format, content_type = OUTPUT[source_format]
        out = io.BytesIO()
        pixels.save(out, format=file_format, **_save_options(file_format))
        return CleanImage(content_type, out.getvalue(), pixels.width, pixels.height)


def _pixels_only(image: Image.Image, source_format: str) -> Image.Image:
    upright = ImageOps.exif_transpose(image) or image
    profile = image.info.get("icc_profile")
    if profile:
        upright = _to_srgb(upright, profile)
    if source_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    elif upright.mode not in ("RGB", "RGBA", "L", "LA", "P", "1", "I;16", "I"):
        upright = upright.convert("RGBA")
    # A new image from the pixel data alone: nothing of `info` (EXIF, XMP, text, ICC) follows.
    fresh = Image.new(upright.mode, upright.size)
    fresh.paste(upright)
    if upright.mode == "P":
        palette = upright.getpalette()
        if palette:
            fresh.putpalette(palette)
        if "transparency" in upright.info:
            fresh.info["transparency"] = upright.info["transparency"]
    return fresh


def _to_srgb(image: Image.Image, profile: bytes) -> Image.Image:
    try:
        source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
        mode = "RGBA" if "A" in image.getbands() else "RGB"
        converted = ImageCms.profileToProfile(image, source, SRGB, outputMode=mode)
    except (ImageCms.PyCMSError, OSError, ValueError):
        return image  # a broken profile is dropped rather than applied
    return converted or image


def _save_options(file_format: str) -> dict[str, object]:
    if file_format == "JPEG":
        return {"quality": 90, "optimize": True}
    if file_format == "WEBP":
        return {"quality": 90}
    return {"optimize": True}
