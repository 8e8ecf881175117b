export * from './committee-report';
