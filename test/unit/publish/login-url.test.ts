import { describe, expect, it } from 'vitest';
import { loginUrl } from '../../../lib/mediawiki/tokens';

describe('the link to log in', () => {
  it('is the wiki’s own login page, coming back to the page', () => {
    expect(loginUrl('https://wiki.example.org/w/api.php', 'Archived/2014 GSoC & OPW')).toBe(
      'https://wiki.example.org/w/index.php?title=Special%3AUserLogin&returnto=Archived%2F2014+GSoC+%26+OPW',
    );
    expect(loginUrl('http://127.0.0.1:8182/api.php?format=json', 'P')).toBe(
      'http://127.0.0.1:8182/index.php?title=Special%3AUserLogin&returnto=P',
    );
  });
});
