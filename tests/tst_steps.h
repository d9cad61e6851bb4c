#pragma once

// applyStep (core/engine/steps.h) on small synthetic images, one class in three files:
//   tst_steps.cpp            crop (aspect, box, attention), rotate, flip, pad, errors
//   tst_steps_tone.cpp       sharpen, adjust, auto-level, grayscale
//   tst_steps_watermark.cpp  text and logo watermarks
// Expected values are hand-computed (index formulas, tables worked out on paper) or made by
// libvips called directly (smartcrop, text), never by the code under test.

#include <QMetaType>
#include <QObject>
#include <QRect>
#include <QTemporaryDir>

#include <opencv2/core.hpp>

#include <functional>

#include "step.h"

// A w x h image (w * h <= 64) whose pixels name their place: channel c of (x, y) is
// c * 64 + y * w + x, so every pixel of an output tells where it came from.
cv::Mat taggedImage(int w, int h, int channels);
// An image filled with one value per channel.
cv::Mat flatImage(int w, int h, std::initializer_list<int> values);
// True when every channel of out(x, y) is in(source(x, y)) for every pixel of `out`.
bool mapsFrom(const cv::Mat &out, const cv::Mat &in, const std::function<QPoint(int, int)> &source);
// The bounding box of the pixels where a and b differ (empty when none).
QRect changedBox(const cv::Mat &a, const cv::Mat &b);
// The EngineFailure message applyStep throws, or "" when it returns.
QString failureOf(const cv::Mat &image, const Step &step);

Q_DECLARE_METATYPE(Gravity)

class tst_Steps : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    // tst_steps.cpp
    void rotateAndFlip_data();
    void rotateAndFlip();
    void rotateRefusesOtherAngles();
    void cropAspect_data();
    void cropAspect();
    void cropBox_data();
    void cropBox();
    void cropBoxOutsideFails();
    void cropAttentionAsSmartcrop_data();
    void cropAttentionAsSmartcrop();
    void pad_data();
    void pad();
    void padGrayUsesLuma();
    void padFitsLargerImage();
    void padRefusesEmptyCanvas();
    // tst_steps_tone.cpp
    void sharpenAsUnsharpMask_data();
    void sharpenAsUnsharpMask();
    void adjustTable_data();
    void adjustTable();
    void adjustKeepsAlpha();
    void autoLevel_data();
    void autoLevel();
    void autoLevelLeavesFlatImage();
    void grayscale_data();
    void grayscale();
    // tst_steps_watermark.cpp
    void textPosition_data();
    void textPosition();
    void textOpacityAndColour_data();
    void textOpacityAndColour();
    void textOnTransparentImage();
    void textShrunkToFit();
    void logoPlacedWithOpacity_data();
    void logoPlacedWithOpacity();
    void logoScaledToWidth();
    void logoShrunkToFit();
    void logoUnreadableFails_data();
    void logoUnreadableFails();

private:
    QString writeLogo(const QString &name, const cv::Mat &rgba);
    WatermarkStep flatLogoStep(double sizePercent, Gravity position);
    QTemporaryDir m_dir;
};
