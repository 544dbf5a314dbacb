import { articleIdOf, sourceOfStoryKey } from './story-ref';

describe('which story a message is about', () => {
  it('finds the article id in every topic shape', () => {
    expect(articleIdOf({ id: 'a1', uri: 'u' })).toBe('a1');
    expect(articleIdOf({ article: { id: 'a2' }, enrichment: {} })).toBe('a2');
    expect(articleIdOf({ articleId: 'a3', storyKey: 'k' })).toBe('a3');
    expect(articleIdOf('not an object')).toBeUndefined();
    expect(articleIdOf({ id: 42 })).toBeUndefined();
  });

  it('reads the source from the story key, none when the key has no source part', () => {
    expect(sourceOfStoryKey('wire-a|urn:x:1')).toBe('wire-a');
    expect(sourceOfStoryKey('urn:x:1')).toBeUndefined();
    expect(sourceOfStoryKey(undefined)).toBeUndefined();
  });
});
