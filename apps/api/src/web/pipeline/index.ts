// The page pipeline, imported by every page controller as one module.
export { FormRejected } from './form-rejected';
export {
  Form,
  FormPost,
  type FormPostOptions,
  type PageLocals,
  PageView,
  PageWithErrors,
  SeeOther,
  type ShowAgain,
} from './page';
export { pageId, PagesController } from './pages-controller';
