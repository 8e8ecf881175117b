import { parseMarker } from './markers';

describe('parseMarker', () => {
  it.each([
    // Bullets, whatever the glyph, with or without a space or text after it.
    ['- ensure that plans are reviewed', 'bullet', '-', 'ensure that plans are reviewed'],
    ['• The quality of practice.', 'bullet', '•', 'The quality of practice.'],
    [
      '▪ Care leavers’ access to health records.',
      'bullet',
      '▪',
      'Care leavers’ access to health records.',
    ],
    ['* Improve supervision', 'bullet', '*', 'Improve supervision'],
    [
      'o reviewing the use of foyer accommodation',
      'bullet',
      'o',
      'reviewing the use of foyer accommodation',
    ],
    ['•Ensure that plans are clear', 'bullet', '•', 'Ensure that plans are clear'],
    ['•', 'bullet', '•', ''],
    // Numbers, with a full stop or a bracket.
    ['1. Ensure that all young people', 'number', '1', 'Ensure that all young people'],
    ['151. Complete work to develop', 'number', '151', 'Complete work to develop'],
    ['3) Review the threshold', 'number', '3', 'Review the threshold'],
    ['9.', 'number', '9', ''],
    ['10.Strengthen the framework', 'number', '10', 'Strengthen the framework'],
    // Letters and roman numerals, in brackets or before one.
    ['(a) strengthen oversight', 'letter', 'a', 'strengthen oversight'],
    ['b) improve recording', 'letter', 'b', 'improve recording'],
    ['(ii) the second part', 'roman', 'ii', 'the second part'],
  ])('reads %j', (text, kind, label, rest) => {
    expect(parseMarker(text)).toEqual({ kind, label, rest });
  });

  it.each([
    'Ensure that plans are reviewed',
    '2015 was a difficult year',
    '10.30am meeting',
    '3.5 per cent of children',
    'e.g. the duty team',
    'Ofsted will take the findings',
  ])('does not read %j as a marker', (text) => {
    expect(parseMarker(text)).toBeNull();
  });
});
