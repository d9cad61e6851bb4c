#include "qualitysearch.h"

#include <algorithm>

#include "engineshared.h"
#include "sizebudget.h"

namespace {

EngineFailure overBudget(const Recipe &recipe, const QString &what)
{
    return {FailureKind::TooLarge,
            QStringLiteral("cannot fit under %1 kB: %2").arg(recipe.maxSizeKb).arg(what)};
}

// The bracket: `fits` encoded within the budget (0: none yet, quality 1 untried), `over`
// encoded above it; the answer lies in [fits, over).
struct Bracket
{
    int fits = 0;
    int over = 0;
    qint64 overBytes = 0;
    QByteArray best;
};

int nextProbe(const Bracket &b, qint64 budget, bool first)
{
    int q = (b.fits + b.over) / 2;
    if (first) // the size roughly in proportion to quality: a guess that often lands close
        q = int(qint64(b.over) * budget / b.overBytes);
    return std::clamp(q, b.fits + 1, b.over - 1);
}

} // namespace

BudgetedEncoding encodeWithinBudget(const Recipe &recipe, OutputFormat format,
                                    const QualityEncoder &encodeAt)
{
    BudgetedEncoding out;
    out.bytes = encodeAt(recipe.quality);
    out.encodes = 1;
    const qint64 budget = budgetBytes(recipe);
    if (budget == 0)
        return out;
    if (!hasQualitySetting(format, recipe)) {
        if (out.bytes.size() > budget)
            throw overBudget(recipe,
                             QStringLiteral("the %1 output is %2 and has no quality to "
                                            "lower; choose JPEG, WebP or AVIF, or resize "
                                            "smaller")
                                 .arg(toString(format).toUpper(), kbText(out.bytes.size())));
        return out;
    }
    out.chosenQuality = recipe.quality;
    if (out.bytes.size() <= budget)
        return out;
    Bracket b{0, recipe.quality, out.bytes.size(), {}};
    while (b.over - b.fits > 1) {
        const int q = nextProbe(b, budget, out.encodes == 1);
        QByteArray bytes = encodeAt(q);
        ++out.encodes;
        if (bytes.size() <= budget) {
            b.fits = q;
            b.best = std::move(bytes);
        } else {
            b.over = q;
            b.overBytes = bytes.size();
        }
    }
    if (b.fits == 0)
        throw overBudget(recipe, QStringLiteral("%1 at quality 1; allow more or resize smaller")
                                     .arg(kbText(b.overBytes)));
    out.bytes = std::move(b.best);
    out.chosenQuality = b.fits;
    return out;
}
