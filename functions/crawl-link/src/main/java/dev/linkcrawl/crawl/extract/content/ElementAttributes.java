package dev.linkcrawl.crawl.extract.content;

import java.util.Locale;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Attributes;

/**
 * What the block walk and the page's signals read of an element's attributes, in one pass over them
 * (it is asked of every element): its class and id, the {@link Blocks.Context} bits they add
 * (visibility, landmark roles, microdata types and properties), whether it names itself with a
 * class or an id, whether it carries a microdata property, a {@code datetime} and a microdata type.
 *
 * @param className the class attribute, {@code ""} when there is none
 * @param id the id attribute, {@code ""} when there is none
 * @param context the context bits the attributes add
 * @param named whether there is a class or an id attribute, even empty
 * @param itemprop whether there is a non-empty {@code itemprop}
 * @param datetime whether there is a {@code datetime} attribute
 * @param itemType the {@code itemtype} attribute, null when there is none
 */
public record ElementAttributes(
        String className,
        String id,
        int context,
        boolean named,
        boolean itemprop,
        boolean datetime,
        String itemType) {

    /** An element without attributes. */
    public static final ElementAttributes NONE =
            new ElementAttributes("", "", 0, false, false, false, null);

    /** Reads {@code attributes} (the HTML parser lower-cases their names). */
    public static ElementAttributes of(Attributes attributes) {
        String className = null;
        String id = null;
        int c = 0;
        boolean itemprop = false;
        boolean datetime = false;
        String itemType = null;
        for (Attribute a : attributes) {
            String value = a.getValue();
            switch (a.getKey()) {
                case "class" -> className = className == null ? value : className;
                case "id" -> id = id == null ? value : id;
                case "hidden" -> c |= Blocks.Context.HIDDEN;
                case "aria-hidden" -> c |= "true".equals(value) ? Blocks.Context.HIDDEN : 0;
                case "aria-modal" -> c |= "true".equals(value) ? Blocks.Context.DIALOG : 0;
                case "style" -> c |= hiddenStyle(value) ? Blocks.Context.HIDDEN : 0;
                case "role" -> c |= roleContext(value);
                case "itemtype" -> {
                    itemType = itemType == null ? value : itemType;
                    c |= itemTypeContext(value.toLowerCase(Locale.ROOT));
                }
                case "datetime" -> datetime = true;
                case "itemprop" -> {
                    itemprop |= !value.isEmpty();
                    String p = value.toLowerCase(Locale.ROOT);
                    if (p.contains("articlebody") || p.equals("text") || p.contains("reviewbody")) {
                        c |= Blocks.Context.ITEM_BODY;
                    }
                }
                default -> {}
            }
        }
        return new ElementAttributes(
                className == null ? "" : className,
                id == null ? "" : id,
                c,
                className != null || id != null,
                itemprop,
                datetime,
                itemType);
    }

    private static boolean hiddenStyle(String style) {
        if (!style.contains("none") && !style.contains("hidden")) {
            return false;
        }
        String st = style.toLowerCase(Locale.ROOT).replace(" ", "");
        return st.contains("display:none") || st.contains("visibility:hidden");
    }

    private static int roleContext(String role) {
        return switch (role) {
            case "navigation", "menu", "menubar" -> Blocks.Context.NAV;
            case "banner" -> Blocks.Context.HEADER;
            case "contentinfo" -> Blocks.Context.FOOTER;
            case "complementary" -> Blocks.Context.ASIDE;
            case "main" -> Blocks.Context.MAIN;
            case "article" -> Blocks.Context.ARTICLE;
            case "dialog", "alertdialog" -> Blocks.Context.DIALOG;
            default -> 0;
        };
    }

    private static int itemTypeContext(String t) {
        if (t.contains("comment")
                || t.contains("answer")
                || t.contains("question")
                || t.contains("posting")) {
            return Blocks.Context.ITEM_POST;
        }
        if (t.contains("product") || t.contains("offer")) {
            return Blocks.Context.ITEM_PRODUCT;
        }
        if (t.contains("article") || t.contains("blogposting")) {
            return Blocks.Context.ITEM_ARTICLE;
        }
        return 0;
    }
}
