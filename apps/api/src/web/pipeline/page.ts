import { applyDecorators, Render, SetMetadata } from '@nestjs/common';
import type { ErrorLink } from '../forms';
import type { Section } from '../web-pages';

/** What a page's template gets from its handler; the layout's own locals are added to it. */
export interface PageLocals {
  /** Names the page (prefixed "Error: " when it shows errors). */
  title: string;
  /** The navigation section to mark as current. */
  section?: Section;
  errors?: ErrorLink[];
  fieldErrors?: Record<string, string>;
  [key: string]: unknown;
}

/** A form post's answer: see `url` (303), with a success banner there when `flash` is given. */
export class SeeOther {
  constructor(
    readonly url: string,
    readonly flash?: string,
  ) {}
}

export const PAGE_VIEW = 'web:page-view';

/** A page (GET): the handler returns the template's locals, the layout is added around them. */
export const PageView = (view: string): MethodDecorator =>
  applyDecorators(Render(view), SetMetadata(PAGE_VIEW, view));
