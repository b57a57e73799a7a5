// Invented demo names, varied in origin; any likeness to a real patient is chance.
export const FIRST_NAMES = {
  female: [
    "Amara", "Beatrice", "Chloe", "Dalia", "Eleanor", "Fatima", "Grace", "Hannah", "Ingrid", "Jasmine",
    "Keiko", "Leila", "Maya", "Niamh", "Olivia", "Priya", "Rosa", "Sofia", "Tamsin", "Yara", "Zanele", "Mei",
  ],
  male: [
    "Aarav", "Bruno", "Callum", "Dmitri", "Emeka", "Felix", "Gareth", "Hamza", "Ivan", "Jonah",
    "Kwame", "Luca", "Mateo", "Nikhil", "Oscar", "Pedro", "Rhys", "Samuel", "Tomasz", "Wei", "Yusuf", "Declan",
  ],
  other: ["Alex", "Robin", "Sam", "Jordan"],
} as const;

export const LAST_NAMES = [
  "Adeyemi", "Bianchi", "Campbell", "Dubois", "Evans", "Fernandes", "Gallagher", "Hughes", "Iqbal", "Jensen",
  "Kowalski", "Lindqvist", "MacLeod", "Nakamura", "O'Brien", "Petrov", "Quinn", "Rahman", "Santos", "Thompson",
  "Usman", "Varga", "Whitfield", "Xu", "Yilmaz", "Zielinski", "Okafor", "Moreau", "Chatterjee", "Haddad",
  "Kaur", "Lopez", "Murphy", "Novak", "Ortega", "Patel", "Reid", "Schmidt", "Tanaka", "Walsh",
] as const;

export const STREET_PHONES = ["07700 900", "07700 901", "07700 902", "07700 903"] as const;
