import { SetMetadata } from '@nestjs/common';

/** What a route accepts as a request body: how many bytes, and whether a multipart upload. */
export interface BodyPolicy {
  /** Bytes, counted on the wire (Content-Length, or as the body streams in). */
  limit: number;
  /** Multipart bodies are read by the route's own multer interceptor, within `limit`. */
  multipart: boolean;
}

export const BODY_POLICY = 'http:body-policy';

/**
 * Every route's body limit unless it says otherwise: forms and JSON commands are a few hundred
 * bytes to a few kilobytes, so this leaves room for a long progress note or a page of ticked
 * drafts and still refuses a flood at once.
 */
export const DEFAULT_BODY_POLICY: BodyPolicy = { limit: 100 * 1024, multipart: false };

/** A route that takes more than the default (a report), or a multipart upload. */
export const BodyLimit = (
  limit: number,
  options: { multipart?: boolean } = {},
): MethodDecorator & ClassDecorator =>
  SetMetadata(BODY_POLICY, { limit, multipart: options.multipart ?? false } satisfies BodyPolicy);

/** "100 KB", "22 MB": limits as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
