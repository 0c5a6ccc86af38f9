/**
 * A text conversion that keeps its last answer: one reading asks for the same text's conversion
 * several times (its locale, the rules' words, the model's grams).
 */
export function rememberLast(convert: (text: string) => string): (text: string) => string {
  let lastText: string | null = null;
  let lastAnswer = '';
  return (text) => {
    if (text !== lastText) {
      lastAnswer = convert(text);
      lastText = text;
    }
    return lastAnswer;
  };
}
