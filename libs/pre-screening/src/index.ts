export * from './pre-screening.module';
export * from './domain/pre-screening.commands';
export * from './domain/pre-screening.view';
export * from './share-draft/share-draft.usecase';
export * from './comment-draft/comment-draft.usecase';
export * from './read-pre-screening/read-pre-screening.usecase';
export * from './infrastructure/pre-screening.repository';
