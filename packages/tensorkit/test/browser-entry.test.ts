import { describe, expect, it } from 'vitest';
import * as tkBrowser from '../src/browser';
import * as tkNode from '../src/index';

describe('the browser entry', () => {
  it('has the same API as the Node entry and registers WebGL above the CPU backend', () => {
    expect(Object.keys(tkBrowser).sort()).toEqual(Object.keys(tkNode).sort());
    const webgl = tkBrowser.lookup('backend', 'webgl');
    expect(webgl.priority).toBeGreaterThan(tkBrowser.lookup('backend', 'cpu').priority);
  });
});
