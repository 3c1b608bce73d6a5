/**
 * PropertiesService: strings only, 9 KB per value, 500 KB per store, null for
 * a missing key, user stores per user; each as Apps Script behaves.
 */
import {thrown, world} from './world';

describe('PropertiesService', () => {
  it('getProperty is null for a missing key', () => {
    const {PropertiesService} = world();
    expect(
      PropertiesService.getDocumentProperties().getProperty('nope'),
    ).toBeNull();
  });

  it('stores strings only: other values come back as String(value)', () => {
    const {PropertiesService} = world();
    const props = PropertiesService.getDocumentProperties();
    props.setProperty('hour', 17 as unknown as string);
    props.setProperty('on', true as unknown as string);
    props.setProperty('list', [1, 2] as unknown as string);
    expect(props.getProperty('hour')).toBe('17');
    expect(props.getProperty('on')).toBe('true');
    expect(props.getProperty('list')).toBe('1,2');
  });

  it('a value over 9 KB throws "Argument too large: value" and is not stored', () => {
    const {PropertiesService} = world();
    const props = PropertiesService.getScriptProperties();
    props.setProperty('fits', 'x'.repeat(9 * 1024));
    const error = thrown(() =>
      props.setProperty('big', 'x'.repeat(9 * 1024 + 1)),
    );
    expect(error.message).toBe('Argument too large: value');
    expect(props.getProperty('big')).toBeNull();
    expect(props.getProperty('fits')).toHaveLength(9 * 1024);
  });

  it('counts the 9 KB in UTF-8 bytes, not characters', () => {
    const {PropertiesService} = world();
    const props = PropertiesService.getScriptProperties();
    expect(() => props.setProperty('euro', '€'.repeat(3100))).toThrow(
      'Argument too large: value',
    ); // 3,100 characters, 9,300 bytes
  });

  it('a store past 500 KB throws the property storage quota message', () => {
    const {PropertiesService} = world();
    const props = PropertiesService.getDocumentProperties();
    let n = 0;
    const error = thrown(() => {
      for (;;) props.setProperty(`k${n++}`, 'v'.repeat(9000));
    });
    expect(error.message).toBe(
      'You have exceeded the property storage quota. Please remove some properties and try again.',
    );
    expect(n).toBeGreaterThan(55);
    expect(n).toBeLessThan(60);
    expect(props.getKeys()).toHaveLength(n - 1);
  });

  it('getProperties returns a copy, setProperties writes many, deleteAllOthers replaces', () => {
    const {PropertiesService} = world();
    const props = PropertiesService.getDocumentProperties();
    props.setProperties({a: '1', b: '2'});
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
    props.setProperties({c: '3'}, true);
    expect(props.getProperties()).toEqual({c: '3'});
    props.deleteProperty('c');
    expect(props.getKeys()).toEqual([]);
  });

  it('document and script stores are shared by all users; user stores are per user', () => {
    const {emulator, PropertiesService} = world({owner: 'cro@acme.example'});
    PropertiesService.getDocumentProperties().setProperty('cfo', 'cfo@acme');
    PropertiesService.getUserProperties().setProperty('mine', 'cro');
    emulator.run({user: 'revops@acme.example'}, () => {
      expect(PropertiesService.getDocumentProperties().getProperty('cfo')).toBe(
        'cfo@acme',
      );
      expect(
        PropertiesService.getUserProperties().getProperty('mine'),
      ).toBeNull();
      PropertiesService.getUserProperties().setProperty('mine', 'revops');
    });
    expect(PropertiesService.getUserProperties().getProperty('mine')).toBe(
      'cro',
    );
  });

  it("in a custom function, user properties are the owner's and an editor cannot set them", () => {
    const {emulator, PropertiesService} = world({owner: 'cro@acme.example'});
    PropertiesService.getUserProperties().setProperty('units', 'USD');
    emulator.run(
      {
        authMode: 'CUSTOM_FUNCTION',
        trigger: 'custom-function',
        user: 'revops@acme.example',
      },
      () => {
        const props = PropertiesService.getUserProperties();
        expect(props.getProperty('units')).toBe('USD');
        expect(() => props.setProperty('units', 'EUR')).toThrow(
          /You do not have permission/,
        );
      },
    );
    expect(PropertiesService.getUserProperties().getProperty('units')).toBe(
      'USD',
    );
  });
});
