package dev.linkcrawl.limit;

/** A per-owner limit by the name clients see in a 429 problem or an import's result. */
public enum LimitName {
    /** Links accepted through the API per UTC day. */
    LINKS_PER_DAY("links_per_day"),
    /** Links taken from one import file. */
    IMPORT_LINKS("import_links"),
    /** Imports of one owner read at the same time. */
    IMPORTS_AT_ONCE("imports_at_once");

    private final String code;

    LimitName(String code) {
        this.code = code;
    }

    /** The stable snake_case name. */
    public String code() {
        return code;
    }
}
