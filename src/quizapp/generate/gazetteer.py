"""General knowledge the name finder leans on: places, demonyms, titles, organisation words.

These are lists about the world, not about any one document: countries, a few world regions,
capital cities, and the words that mark an organisation or a person's title.
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The whitespace-separated words of a long literal."""
    return text.split()


COUNTRIES = frozenset(
    words(
        """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
Bahrain Bangladesh Belarus Belgium Belize Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei
Bulgaria Burundi Cambodia Cameroon Canada Chad Chile China Colombia Comoros Congo Croatia Cuba
Cyprus Czechia Denmark Djibouti Ecuador Egypt Eritrea Estonia Eswatini Ethiopia Fiji Finland
France Gabon Gambia Georgia Germany Ghana Greece Guatemala Guinea Guyana Haiti Honduras Hungary
Iceland India Indonesia Iran Iraq Ireland Israel Italy Jamaica Japan Jordan Kazakhstan Kenya
Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Lithuania Luxembourg
Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Mongolia
Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway
Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia
Rwanda Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden
Switzerland Syria Taiwan Tajikistan Tanzania Thailand Togo Tunisia Turkey Turkmenistan Uganda
Ukraine Uruguay Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe"""
    )
) | frozenset(
    (
        "Burkina Faso",
        "Cape Verde",
        "Central African Republic",
        "Côte d'Ivoire",
        "Côte d\u2019Ivoire",
        "Ivory Coast",
        "Costa Rica",
        "Dominican Republic",
        "El Salvador",
        "Equatorial Guinea",
        "Guinea Bissau",
        "Guinea-Bissau",
        "New Zealand",
        "North Korea",
        "North Macedonia",
        "Saudi Arabia",
        "Sierra Leone",
        "South Africa",
        "South Korea",
        "South Sudan",
        "Sri Lanka",
        "United Arab Emirates",
        "United Kingdom",
        "Great Britain",
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
        "Irish Republic",
        "United States",
        "Western Sahara",
        "Timor Leste",
        "Timor-Leste",
        "East Timor",
    )
)

REGIONS = frozenset(
    (
        "Africa",
        "North Africa",
        "West Africa",
        "East Africa",
        "Central Africa",
        "Southern Africa",
        "Horn of Africa",
        "Sahara",
        "Sahel",
        "Maghreb",
        "Middle East",
        "Near East",
        "Levant",
        "Arabian Peninsula",
        "Iberian Peninsula",
        "Balkans",
        "Caucasus",
        "Central Asia",
        "South Asia",
        "Southeast Asia",
        "Europe",
        "Asia",
        "Latin America",
        "North America",
        "South America",
        "Mediterranean",
        "Atlantic",
        "Pacific",
        "Red Sea",
        "Persian Gulf",
        "Gulf of Aden",
        "Nile",
        "Lake Chad",
        "Sinai",
        "Chechnya",
        "Kurdistan",
    )
)

CAPITALS = frozenset(
    words(
        """
Abidjan Abuja Accra Addis Algiers Amman Ankara Baghdad Bamako Beirut Berlin Brussels Cairo Dakar
Damascus Djibouti Doha Islamabad Jerusalem Kabul Khartoum Kinshasa Lagos Lisbon London Madrid
Mogadishu Moscow Nairobi Niamey Nouakchott Ouagadougou Paris Rabat Riyadh Rome Sanaa Tehran
Tripoli Tunis Washington Amsterdam Ashgabat Asmara Astana Athens Baku Bangkok Bangui Beijing
Belgrade Bern Bishkek Bogota Bogotá Brasilia Brasília Bratislava Bucharest Budapest Bujumbura
Canberra Caracas Chisinau Colombo Conakry Copenhagen Dhaka Dili Dodoma Dublin Dushanbe Freetown
Gaborone Hanoi Harare Havana Helsinki Jakarta Juba Kampala Kathmandu Kigali Kyiv Kiev Libreville
Lilongwe Lima Ljubljana Lome Lomé Luanda Lusaka Malabo Managua Manama Manila Maputo Maseru
Mbabane Minsk Monrovia Montevideo Muscat Naypyidaw Ndjamena N'Djamena Nicosia Oslo Ottawa
Podgorica Prague Pretoria Pristina Pyongyang Quito Reykjavik Riga Santiago Sarajevo Seoul
Singapore Skopje Sofia Stockholm Tallinn Tashkent Tbilisi Tegucigalpa Thimphu Tirana Tokyo
Ulaanbaatar Vienna Vientiane Vilnius Warsaw Windhoek Yaounde Yaoundé Yerevan Zagreb Aden Aleppo
Basra Benghazi Mosul Karachi Lahore Peshawar Quetta Kandahar Mumbai Delhi Kolkata Chennai
Istanbul Izmir Casablanca Marrakesh Alexandria Timbuktu Gao Kidal Mopti Agadez Tamanrasset Derna
Sirte Misrata Raqqa Fallujah Ramadi Kirkuk Erbil Homs Idlib Tyre Sidon Barcelona Bilbao
Marseille Munich Hamburg Manchester Belfast Toronto Chicago Houston Miami Boston Sydney
Melbourne Mindanao Sulu Jolo Basilan Zamboanga Marawi Davao Cebu Kashmir Srinagar Jammu Punjab
Sindh Balochistan Waziristan Swat Kunduz Herat Mazar Ayacucho Cusco Cuzco Guayaquil Tijuana"""
    )
) | frozenset(
    (
        "Addis Ababa",
        "Abu Dhabi",
        "Buenos Aires",
        "Dar es Salaam",
        "Guatemala City",
        "Kuala Lumpur",
        "Mexico City",
        "New Delhi",
        "New York",
        "Los Angeles",
        "Panama City",
        "Phnom Penh",
        "Port-au-Prince",
        "Port Louis",
        "Rio de Janeiro",
        "San Jose",
        "San Salvador",
        "Santo Domingo",
        "Sao Paulo",
        "Gaza Strip",
        "West Bank",
        "Golan Heights",
        "Tel Aviv",
    )
)
"""Capitals and other large or often-named cities, islands and provinces: world knowledge,
not any one document's (the list is of the world's capitals and its most-reported places)."""

PLACES = COUNTRIES | REGIONS | CAPITALS

ORG_WORDS = frozenset(
    words(
        """
Group Groups Front Movement Battalion Brigade Brigades Army Organization Organisation Council
Department Committee Command Center Centre Service Office Partnership Community Court Union Party
Agency Ministry Force Forces Coalition Alliance Network Institute Foundation Bureau Commission
Mission Association Society Administration Government Parliament Assembly Congress Senate
Brotherhood State Emirate Authority University Bank Fund Corps Guard Police Tribunal
Taliban Qaeda Qaida Shabab Ansar Jamaat Harakat Hizb Hezbollah Hamas Jabhat Katibat Tanzim Jund
Liwa Haram Nations Staff Chiefs"""
    )
)

TITLES = frozenset(
    words(
        """
General Gen. Lt. Colonel Col. Major Maj. Captain Capt. Admiral Sergeant President Minister
Secretary Senator Sen. Governor Gov. Ambassador Chairman Chairwoman Director Sheikh Shaykh Emir
Amir Imam King Queen Prince Dr. Mr. Mrs. Ms. Judge Justice Commander Chief Senior Fellow
Undersecretary Deputy Editor Writer Professor Prof."""
    )
)

NAME_TITLES = frozenset({"Sheikh", "Shaykh", "Sharif"})
"""Titles that are also parts of names ("Hassan Sheikh Mohamoud") when a name runs into them."""

DESIGNATION_TERMS = frozenset(
    {
        "foreign terrorist organization",
        "foreign terrorist organisation",
        "specially designated global terrorist",
        "state sponsor of terrorism",
    }
)
"""Capitalised legal terms that name a status, not an organisation."""

ROLE_NOUNS = frozenset(
    words(
        """
secretary minister emir leader commander analyst fellow general president chairman
undersecretary head founder spokesman spokeswoman chief director member writer editor deputy
official officer envoy ambassador emissary ideologue cleric preacher financier lieutenant
deputy professor researcher reporter journalist national citizen coordinator assistant
specialist adviser advisor counselor spokesperson"""
    )
)

GEOGRAPHIC_WORDS = frozenset(
    words(
        """
Point Port Mount Mountains Cape Lake River Island Islands Bay Coast Valley Desert Peninsula
Sea Gulf Fort City Province Region Oasis Plateau Delta Strait Archipelago Basin Highlands Hills
Forest Jungle Canyon Border Corridor District County Governorate Prefecture Towers Tower Strip
Barracks Airport Square Camp Base Hotel Resort Mine Facility Plant Stadium Market Mall Mosque
Church Temple Cathedral"""
    )
)

DEMONYM_SUFFIXES = ("an", "ian", "ese", "ish", "i", "ine", "ien")

CONNECTORS = frozenset(
    {
        "of",
        "for",
        "and",
        "in",
        "the",
        "de",
        "du",
        "la",
        "le",
        "bin",
        "ben",
        "ud",
        "ul",
        "ur",
        "e",
        "i",
        "wa",
        "wal",
    }
)
NAME_PARTICLES = frozenset(
    {"al", "el", "ad", "bin", "ben", "ibn", "abu", "abou", "de", "van", "von"}
)

FUNCTION_WORDS = frozenset(
    words(
        """
The A An In On At By For From To Of And Or But If As While When Where Though Although
However According After Before Since During Many Much Most Some Its It Their They This That These
Those He She His Her We Our Us You I Sometimes Beginning Prior Among Additionally Specifically
Also Then Once Only Both Each Every Such Other Another Why What Who How Analysts Authors Updated
Photo Courtesy Introduction Monday Tuesday Wednesday Thursday Friday Saturday Sunday God PDF
Active Recruitment Methods Rebranding Adopting Launches Perceives Cigarettes Kidnappings Money
Varying Its January February March April May June July August September October November
December One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Several Dozens Hundreds
Thousands Former Current Then-current Despite Unlike Like Until Following Today Yesterday"""
    )
)

ADJECTIVES = frozenset(
    words(
        """
Islamic Islamist Islamists Muslim Muslims Salafi Salafist Western Westerners Arab Arabs
African Africans European Europeans Soviet French Dutch British American Americans Congressional
Sharia Jihadist Jihadists Sunni Shia Shiite Christian Christians Jewish North South East West
Central Northern Southern Eastern Sub-Saharan Southeast Southwest Northeast Northwest Asians
Africans Arab-Israeli"""
    )
)
