import { docm, docx, odt, pdf, png, xlsx, zip } from '../../../../test/support/office-files';
import { sniffMediaType } from './sniff-media-type';

describe('sniffMediaType (what the bytes are, whatever the name says)', () => {
  it('knows PDF, PNG, JPEG and the office formats by their bytes', () => {
    expect(sniffMediaType(pdf())).toBe('application/pdf');
    expect(sniffMediaType(png())).toBe('image/png');
    expect(sniffMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]))).toBe('image/jpeg');
    expect(sniffMediaType(docx())).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(sniffMediaType(xlsx())).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(sniffMediaType(odt())).toBe('application/vnd.oasis.opendocument.text');
  });

  it('refuses executables, HTML, plain ZIP archives and Word files with macros', () => {
    expect(sniffMediaType(Buffer.from('MZ\x90\x00\x03\x00\x00\x00'))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toBeUndefined();
    expect(sniffMediaType(zip({ 'payload.exe': 'MZ' }))).toBeUndefined();
    expect(sniffMediaType(docm())).toBeUndefined();
    expect(sniffMediaType(zip({ mimetype: 'application/x-shockwave-flash' }))).toBeUndefined();
    expect(sniffMediaType(Buffer.from('PK\x03\x04 truncated'))).toBeUndefined();
    expect(sniffMediaType(Buffer.alloc(0))).toBeUndefined();
  });
});
