/**
 * Cyrillic → Latin in three schemes: BGN/PCGN (the US/UK government standard that OFAC's
 * spellings mostly follow), ICAO Doc 9303 (machine-readable passports since 2013) and a common
 * practical one (x for кс, h for х, j for й). Russian, Ukrainian and Belarusian letters. Word-initial
 * е/ё (ye/yo) are handled in code, since they depend on the letter before.
 * Each value is [BGN/PCGN, ICAO, practical]; a single string means all three agree.
 */
export const CYRILLIC: Record<string, string | [string, string, string]> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: ['yo', 'e', 'yo'], ж: 'zh', з: 'z', и: 'i',
  й: ['y', 'i', 'j'], к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
  х: ['kh', 'kh', 'h'], ц: ['ts', 'ts', 'c'], ч: 'ch', ш: 'sh', щ: ['shch', 'shch', 'sch'], ъ: ['', 'ie', ''],
  ы: 'y', ь: '', э: 'e', ю: ['yu', 'iu', 'ju'], я: ['ya', 'ia', 'ja'],
  і: 'i', ї: ['yi', 'i', 'yi'], є: ['ye', 'ie', 'ye'], ґ: 'g', ў: ['w', 'u', 'w'],
};
