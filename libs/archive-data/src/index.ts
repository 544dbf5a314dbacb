export * from './lib/article.model';
export * from './lib/article.repository';
