import { displayName } from './file-name';

describe('displayName', () => {
  it('keeps a fitting name and strips folders and control characters', () => {
    expect(displayName('C:\\Users\\me\\Protokol v2.pdf', 'application/pdf')).toBe('Protokol v2.pdf');
    expect(displayName('../../etc/"evil"\u0007.png', 'image/png')).toBe('evil.png');
    expect(displayName('photo.JPEG', 'image/jpeg')).toBe('photo.JPEG');
  });

  it('gives the sniffed type’s extension where the name claims another or none', () => {
    expect(displayName('invoice.exe', 'application/pdf')).toBe('invoice.pdf');
    expect(displayName('', 'application/vnd.oasis.opendocument.text')).toBe('attachment.odt');
  });
});
