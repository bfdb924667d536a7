import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { api, unwrap, type components } from '../../api/client'
import { requestKeys, requestQueries } from '../../api/queries/requests'

export type Photo = components['schemas']['PhotoOut']
export type Visibility = components['schemas']['Visibility']

/** The largest photo the API takes (10 MiB): bigger files are refused before they are sent. */
export const MAX_PHOTO_BYTES = 10 * 1024 * 1024

export function usePhotos(requestId: string) {
  return useQuery(requestQueries.photos(requestId))
}

export function useUploadPhoto(requestId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ file, visibility }: { file: File; visibility: Visibility }) => {
      const form = new FormData()
      form.append('file', file)
      form.append('visibility', visibility)
      // The typed body describes the multipart fields; the FormData itself is what is sent.
      return unwrap(
        api.POST('/api/v1/requests/{request_id}/photos', {
          params: { path: { request_id: requestId } },
          body: { file: file.name, visibility },
          bodySerializer: () => form,
        }),
      )
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: requestKeys.photos(requestId) }),
  })
}

/**
 * A photo's image as an object URL. Internal photos need the bearer token, which an <img src>
 * cannot send, so every photo is fetched through the API client; the URL is revoked on unmount.
 */
export function usePhotoUrl(photoId: string): { url: string | null; failed: boolean } {
  const [state, setState] = useState<{ url: string | null; failed: boolean }>({ url: null, failed: false })
  useEffect(() => {
    let url: string | null = null
    let live = true
    api
      .GET('/api/v1/media/{media_id}', { params: { path: { media_id: photoId } }, parseAs: 'blob' })
      .then(({ data, response }) => {
        if (!live) return
        if (!response.ok || !data) return setState({ url: null, failed: true })
        url = URL.createObjectURL(data)
        setState({ url, failed: false })
      })
      .catch(() => live && setState({ url: null, failed: true }))
    return () => {
      live = false
      if (url) URL.revokeObjectURL(url)
    }
  }, [photoId])
  return state
}
