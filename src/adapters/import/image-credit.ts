/**
 * A caption's trailing credit moved into its own field, so that it shows once: "Fishermen at dawn.
 * Photo: Kari Nordmann" → caption "Fishermen at dawn.", credit "Kari Nordmann". Recognises
 * "Photo:", "Foto:", "Photo by", "Image:", "Bilde:", "Illustration:", "Credit:", "©", and a
 * news agency after a slash or in brackets ("… / AFP", "… (Reuters)").
 */
export function splitCredit(text: string): { caption: string; credit: string } {
  const caption = text.trim();
  const match = labelled.exec(caption) ?? copyright.exec(caption) ?? agency.exec(caption);
  if (!match) return { caption, credit: '' };
  const credit = match[2]!.trim().replace(/[.)]$/, '').trim();
  if (credit === '' || credit.length > 200) return { caption, credit: '' };
  return {
    caption: match[1]!
      .trim()
      .replace(/[–—-]$/, '')
      .trim(),
    credit,
  };
}

const labelled =
  /^(.*?)[\s(]*\b(?:Photos?|Photograph|Foto|Image|Bilde|Illustration|Illustrasjon|Credit|Kreditt)(?::|\s+by\b|\s*:)\s*([^()]+?)\)?\s*$/isu;
const copyright = /^(.*?)\s*\(?(?:©|\(c\)|Copyright)\s*([^()]+?)\)?\s*$/isu;
const agency =
  /^(.*?)\s*(?:\/|\()\s*((?:AFP|AP|Reuters|NTB|NTB Scanpix|EPA|ANP|dpa|Getty Images|Scanpix|Shutterstock|Unsplash)(?:\s*\/\s*[\p{L} .'-]+)?)\s*\)?\s*$/u;
