#include <KDemo/kdemowidgets.h>

#include <utility>

namespace KDemo
{
const char *widgetsVersion()
{
    return KDEMOWIDGETS_VERSION_STRING;
}

Label::Label(std::string text)
    : m_text(std::move(text))
{
}

const std::string &Label::text() const
{
    return m_text;
}

std::string Label::render() const
{
    const std::string border = "+" + std::string(m_text.size() + 2, '-') + "+\n";
    return border + "| " + m_text + " |\n" + border;
}
}
